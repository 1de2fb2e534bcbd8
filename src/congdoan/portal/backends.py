"""Members sign in with their member code (DV000123, dv123) or their CCCD, and the password
they chose at activation; the password rules and django-axes' throttling are the officials'
(axes counts each failure under the name as typed)."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend

from congdoan.accounts.models import User
from congdoan.members.models import person_pk_from_code
from congdoan.portal.models import MemberAccount


def account_for_login(typed: str) -> MemberAccount | None:
    """The member account a typed sign-in name means: a 12-digit CCCD or a member code."""
    text = "".join((typed or "").split())
    if not text:
        return None
    accounts = MemberAccount.objects.select_related("user")
    if len(text) == 12 and text.isdigit():
        return accounts.filter(person__citizen_id=text).first()
    if not text.upper().startswith("DV"):
        return None  # a bare number is neither: officials' names go to the model backend
    pk = person_pk_from_code(text)
    return accounts.filter(person_id=pk).first() if pk is not None else None


class MemberBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        account = account_for_login(username)
        if account is None:
            User().set_password(password)  # the same work as a wrong password (timing)
            return None
        user = account.user
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
