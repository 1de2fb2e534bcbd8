"""Reads for the portal: who a signed-in user is in the registry, and whether that is all
they are (a member user: no official role)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from congdoan.members.models import Person
from congdoan.portal.models import CorrectionRequest, CorrectionStatus


def member_person(user) -> Person | None:
    """The registry person a signed-in user is, or None (anonymous, or an official only)."""
    if user is None or not user.is_authenticated:
        return None
    cached = getattr(user, "_congdoan_member_person", False)
    if cached is False:
        cached = (
            Person.objects.filter(member_account__user=user, deidentified_at__isnull=True)
            .select_related("ethnicity", "religion")
            .first()
        )
        user._congdoan_member_person = cached
    return cached


def is_member_only(user) -> bool:
    """A member user: linked to a person, with no official role and no back-office rights."""
    if user.is_superuser or user.is_staff or user.roles.exists():
        return False
    return member_person(user) is not None


def waiting_in(unit) -> QuerySet:
    """A union's correction requests waiting for a keeper, oldest first."""
    return (
        CorrectionRequest.objects.filter(unit=unit, status=CorrectionStatus.WAITING)
        .select_related("person")
        .order_by("created_at", "pk")
    )


def decided_in(unit) -> QuerySet:
    return (
        CorrectionRequest.objects.filter(unit=unit)
        .exclude(status=CorrectionStatus.WAITING)
        .select_related("person", "decided_by")
        .order_by("-decided_at", "-pk")
    )


def requests_of(person: Person) -> QuerySet:
    return CorrectionRequest.objects.filter(person=person).order_by("-created_at", "-pk")


def invitable(unit) -> dict[str, int]:
    """A union's current members by what a slip run would do with them: accounts already
    there, slips it would print, and members it cannot invite (no CCCD or full birth date)."""
    people = Person.objects.filter(
        memberships__unit=unit, memberships__ended_on__isnull=True, deidentified_at__isnull=True
    )
    without = people.filter(member_account__isnull=True)
    unprovable = without.filter(
        Q(citizen_id__isnull=True) | Q(birth_date__isnull=True) | Q(birth_year_only=True)
    ).count()
    return {
        "accounts": people.filter(member_account__isnull=False).count(),
        "slips": without.count() - unprovable,
        "unprovable": unprovable,
    }
