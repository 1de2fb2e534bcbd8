"""What every signed-in request checks before its page, in this order:

1. the absolute session lifetime (CONGDOAN_SESSION_MAX_AGE from sign-in, however busy the
   session; the idle limit is SESSION_COOKIE_AGE): past it, the user is signed out;
2. a user with a second factor whose session never gave a code (signed in some other way) is
   signed out and asked to sign in again;
3. a user who must have a second factor and has none is sent to enrol before anything else;
4. a user whose password someone else chose is sent to change it.

It reads only the session and the user already loaded: no page pays a query for it.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from congdoan.accounts.security import OTP_ENROLLED, OTP_REQUIRED, session_expired

# Pages open to a user who still has to enrol or change the password.
ALWAYS_OPEN = ("logout", "set_language")
ENROLMENT = ("accounts:otp_enrol",)
PASSWORD_CHANGE = ("accounts:password_change",)


def _paths(names) -> set[str]:
    return {reverse(name) for name in names}


def _send(request, response):
    """htmx requests follow a redirect inside the page: send the whole page instead."""
    if request.headers.get("HX-Request") == "true":
        return HttpResponseClientRedirect(response["Location"])
    return response


class AccountGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response = self.guard(request, user)
            if response is not None:
                return _send(request, response)
        return self.get_response(request)

    def guard(self, request, user):
        path = request.path_info
        if session_expired(request):
            logout(request)
            hours = settings.CONGDOAN_SESSION_MAX_AGE // 3600
            messages.info(
                request,
                _("Phiên làm việc đã quá %(hours)d giờ kể từ khi đăng nhập; hãy đăng nhập lại.")
                % {"hours": hours},
            )
            return redirect_to_login(request.get_full_path())
        if path in _paths(ALWAYS_OPEN):
            return None
        verified = user.is_verified()
        if request.session.get(OTP_ENROLLED) and not verified:
            logout(request)
            messages.info(request, _("Vui lòng đăng nhập lại và nhập mã xác thực."))
            return redirect_to_login(request.get_full_path())
        required = settings.CONGDOAN_REQUIRE_2FA and (
            user.is_superuser or user.is_staff or request.session.get(OTP_REQUIRED)
        )
        if required and not verified:
            if path in _paths(ENROLMENT):
                return None
            return redirect("accounts:otp_enrol")  # the page says why
        if user.must_change_password and path not in _paths(PASSWORD_CHANGE + ENROLMENT):
            return redirect("accounts:password_change")  # the page says why
        return None
