"""Signing out: a member's sign-out also tells the browser to drop what it kept for them (the
card page's service worker and its offline copy of the card, with their name and QR)."""

from __future__ import annotations

from django.contrib.auth import views as auth_views

from congdoan.portal.selectors import member_person

# "storage" removes the service workers and their caches, "cache" the HTTP cache.
CLEAR_MEMBER_DATA = '"cache", "storage"'


class SignOutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        was_member = member_person(request.user) is not None
        response = super().post(request, *args, **kwargs)
        if was_member:
            response["Clear-Site-Data"] = CLEAR_MEMBER_DATA
        return response
