"""Who must use a second factor, and what a session remembers of its sign-in."""

import time

from django.conf import settings
from django_otp import user_has_device

from congdoan.accounts.models import RoleKind

# Session keys set at sign-in (accounts.signals) and read by AccountGuardMiddleware.
SIGNED_IN_AT = "congdoan_signed_in_at"  # seconds since the epoch
OTP_REQUIRED = "congdoan_otp_required"  # the user must sign in with a second factor
OTP_ENROLLED = "congdoan_otp_enrolled"  # the user has a confirmed device

# Roles whose holders must use a second factor (besides superusers and staff).
SECOND_FACTOR_ROLES = frozenset({RoleKind.ADMIN, RoleKind.FEDERATION})


def second_factor_required(user) -> bool:
    if not settings.CONGDOAN_REQUIRE_2FA:
        return False
    if user.is_superuser or user.is_staff:
        return True
    return user.roles.filter(kind__in=SECOND_FACTOR_ROLES).exists()


def remember_sign_in(request, user) -> None:
    """Written once per sign-in, so that no page pays a query for these checks."""
    request.session[SIGNED_IN_AT] = int(time.time())
    request.session[OTP_REQUIRED] = second_factor_required(user)
    request.session[OTP_ENROLLED] = user_has_device(user)


def session_expired(request) -> bool:
    """Past the absolute lifetime (CONGDOAN_SESSION_MAX_AGE seconds from sign-in), however
    busy the session was; a session without a sign-in time counts as expired."""
    signed_in_at = request.session.get(SIGNED_IN_AT)
    if not isinstance(signed_in_at, int):
        return True
    return time.time() - signed_in_at > settings.CONGDOAN_SESSION_MAX_AGE
