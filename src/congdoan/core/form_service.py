"""The shape every form page shares: bind a form, call a service, show its refusal on the form
(nothing saved), or say it is done and redirect. One place for what the apps' views repeat."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

Result = TypeVar("Result")
REFUSALS = (ValidationError, PermissionDenied)


def refusal_text(error: Exception) -> str:
    """A refusal as one sentence: a ValidationError's messages joined, else the error's text."""
    text = " ".join(getattr(error, "messages", [])) or str(error)
    return text or _("Bạn không có quyền thực hiện thay đổi này.")


def put_refusal(form, error: Exception, *, by_field: Callable[[str], str] | None = None) -> None:
    """Put a service's refusal on the form: on the fields it names when asked (`by_field` maps a
    service's field name to the form's), else as one message above the form."""
    if hasattr(error, "rows"):  # reasons per row of a list (a collective admission): each a line
        for message in error.messages:
            form.add_error(None, message)
        return
    if by_field is not None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for name, reasons in error.message_dict.items():
            field = by_field(name)
            form.add_error(field if field in form.fields else None, reasons)
        return
    form.add_error(None, refusal_text(error))


def run_form_service(
    form, service: Callable[[], Result], *, by_field: Callable[[str], str] | None = None
) -> tuple[bool, Result | None]:
    """Call the service (a valid form's use case); a refusal goes onto the form and nothing is
    saved. Answers whether it ran, and what it returned."""
    try:
        return True, service()
    except REFUSALS as error:
        put_refusal(form, error, by_field=by_field)
    return False, None


def done(request, message: str, url: str, *args, **kwargs):
    """Say the change is made and go on to `url` (a path or a URL name with its arguments)."""
    messages.success(request, message)
    return redirect(url, *args, **kwargs)
