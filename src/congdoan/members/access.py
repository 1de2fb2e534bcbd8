"""Access helpers for the registry's views: a person is fetched only when the user's scope holds
one of their unions (else 404); changes need a registry keeper of the union (else 403)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.members.cards import may_approve_cards
from congdoan.members.models import Person
from congdoan.members.selectors import readable_people
from congdoan.members.services import open_membership


def readable_person(request, pk: int) -> Person:
    person = get_object_or_404(Person.objects.select_related("ethnicity", "religion"), pk=pk)
    if not readable_people(scope_for(request.user)).filter(pk=pk).exists():
        raise Http404
    return person


def keeps(request, person: Person) -> bool:
    """Whether the user keeps the registry of the person's current (or last) union."""
    membership = open_membership(person) or person.memberships.order_by("-started_on").first()
    return membership is not None and scope_for(request.user).can_edit_members(membership.unit)


def kept_person(request, pk: int) -> Person:
    """A person whose current (or last) union the user keeps the registry of."""
    person = readable_person(request, pk)
    if not keeps(request, person):
        raise PermissionDenied(_("Bạn không có quyền thay đổi hồ sơ đoàn viên này."))
    return person


def card_approver_person(request, pk: int) -> Person:
    """A person whose card the user may approve: a keeper of the union above theirs."""
    person = readable_person(request, pk)
    if not may_approve_cards(request.user, person):
        raise PermissionDenied(_("Chỉ công đoàn cấp trên được duyệt cấp thẻ."))
    return person
