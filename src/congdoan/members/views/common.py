"""What the registry's views share: rendering a form page and turning a refusal into a message."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render

from congdoan.members.services import RowErrors


def refusal_into_form(form, error: Exception) -> None:
    """Put a service's refusal on the form: per field when the service named fields."""
    if isinstance(error, RowErrors):
        for message in error.messages:
            form.add_error(None, message)
        return
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
        return
    text = " ".join(getattr(error, "messages", [])) or str(error)
    form.add_error(None, text)


REFUSALS = (ValidationError, PermissionDenied)


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
