"""The signed-in member's own person, for the portal's pages: a user linked to no person
(an official only) is refused with a reason, never shown anyone."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from congdoan.members.models import Person
from congdoan.portal.selectors import member_person


def own_person(request) -> Person:
    person = member_person(request.user)
    if person is None:
        raise PermissionDenied(_("Tài khoản của bạn không gắn với hồ sơ đoàn viên nào."))
    return person
