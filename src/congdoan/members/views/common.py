"""What the registry's views share: the form page."""

from django.shortcuts import render


def form_page(request, *, title: str, form, back_url: str, subject: str = "", button: str = ""):
    return render(
        request,
        "members/form.html",
        {
            "title": title,
            "form": form,
            "back_url": back_url,
            "subject": subject,
            "button": button,
        },
    )
