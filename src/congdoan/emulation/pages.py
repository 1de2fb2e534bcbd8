"""Helpers shared by the emulation views: running a service from a valid form, showing a form."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render


def run(form, service: Callable[[], object]) -> tuple[bool, object]:
    """Call the service; a refusal goes onto the form and nothing is saved."""
    try:
        return True, service()
    except ValidationError as error:
        form.add_error(None, " ".join(error.messages))
    except PermissionDenied as error:
        form.add_error(None, str(error))
    return False, None


def form_page(request, form, *, title: str, subject: str = "", back_url: str, button=None):
    return render(
        request,
        "emulation/form.html",
        {"form": form, "title": title, "subject": subject, "back_url": back_url, "button": button},
    )


def done(request, message: str, url: str):
    messages.success(request, message)
    return redirect(url)
