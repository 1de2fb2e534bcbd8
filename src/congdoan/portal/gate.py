"""A member user's session reaches only the portal: their own pages, their account's security
pages and the public ones. Every other page answers 404 (as a page outside a scope does); the
home page sends them to /me/.

Whether a session is a member's is decided once, at sign-in (every way in: the sign-in page,
activation, tests' force_login), and kept in the session, so no page pays a query for it.
"""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from congdoan.portal.selectors import is_member_only

MEMBER_SESSION = "congdoan_member"
# Paths a member session may open: their own pages, signing out, the language, their own
# password and second factor, and the public pages (verification, applications, health).
OPEN_PREFIXES = (
    "/me/",
    "/accounts/login/",
    "/accounts/logout/",
    "/accounts/security/",
    "/accounts/password/",
    "/accounts/two-factor/",
    "/i18n/",
    "/static/",
    "/verify/",
    "/join/",
    "/healthz",
)


@receiver(user_logged_in, dispatch_uid="congdoan.portal.remember_member")
def _remember_member(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[MEMBER_SESSION] = is_member_only(user)


class MemberGateMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and request.session.get(MEMBER_SESSION):
            path = request.path_info
            if path == reverse("home"):
                return redirect("portal:me")
            if not path.startswith(OPEN_PREFIXES):
                raise Http404
        return self.get_response(request)
