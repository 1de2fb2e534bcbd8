"""Reads for the portal: who a signed-in user is in the registry, and whether that is all
they are (a member user: no official role)."""

from __future__ import annotations

from congdoan.members.models import Person


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
