"""The emulation views' form page (one template for every emulation form)."""

from __future__ import annotations

from django.shortcuts import render


def form_page(request, form, *, title: str, subject: str = "", back_url: str, button=None):
    return render(
        request,
        "emulation/form.html",
        {"form": form, "title": title, "subject": subject, "back_url": back_url, "button": button},
    )
