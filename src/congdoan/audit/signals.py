"""Sign-in, sign-out, failed sign-ins and lock-outs go into the trail with the client address."""

from __future__ import annotations

from axes.helpers import get_client_ip_address
from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from congdoan.audit.services import audit_record


def _address(request) -> str | None:
    if request is None:
        return None
    return get_client_ip_address(request) or request.META.get("REMOTE_ADDR") or None


@receiver(user_logged_in, dispatch_uid="audit.login")
def _logged_in(sender, request, user, **kwargs) -> None:
    audit_record(
        actor=user, action="auth.login", target=user.get_username(), address=_address(request)
    )


@receiver(user_logged_out, dispatch_uid="audit.logout")
def _logged_out(sender, request, user, **kwargs) -> None:
    if user is None:
        return
    audit_record(
        actor=user, action="auth.logout", target=user.get_username(), address=_address(request)
    )


@receiver(user_login_failed, dispatch_uid="audit.login_failed")
def _login_failed(sender, credentials, request=None, **kwargs) -> None:
    audit_record(
        actor=None,
        action="auth.login_failed",
        target=str(credentials.get("username", ""))[:150],
        address=_address(request),
    )


@receiver(user_locked_out, dispatch_uid="audit.locked_out")
def _locked_out(sender, request, username=None, ip_address=None, **kwargs) -> None:
    audit_record(
        actor=None,
        action="auth.locked_out",
        target=str(username or "")[:150],
        address=ip_address or _address(request),
    )
