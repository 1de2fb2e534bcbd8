"""Access helpers for the registry's views: a person is fetched only when the user's scope holds
one of their unions (else 404); changes need a registry keeper of the union (else 403)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.members.models import Person
from congdoan.members.selectors import readable_people
from congdoan.members.services import open_membership


def readable_person(request, pk: int) -> Person:
    person = get_object_or_404(Person, pk=pk)
    if not readable_people(scope_for(request.user)).filter(pk=pk).exists():
        raise Http404
    return person


def kept_person(request, pk: int) -> Person:
    """A person whose current (or last) union the user keeps the registry of."""
    person = readable_person(request, pk)
    membership = open_membership(person) or person.memberships.order_by("-started_on").first()
    if membership is None or not scope_for(request.user).can_edit_members(membership.unit):
        raise PermissionDenied(_("Bạn không có quyền thay đổi hồ sơ đoàn viên này."))
    return person
