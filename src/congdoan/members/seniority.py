"""Whether a person was a union member on a day, and in which union.

The memberships say where a person sat from which day. A person who came in on an imported list
(entry "listed") brought their own "ngày vào công đoàn": they were a union member since then,
though the list does not say since when they sat in *this* union. So before a listed first
membership, back to that day, the person counts as a member of the listed union for the checks
that ask "was X a member then" (Party referrals, officials' posts), never for the counts of past
reports, which follow the recorded memberships only.
"""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from congdoan.core.text import format_date
from congdoan.members.models import EntryKind, Membership, Person


def membership_on(person: Person, day: date, within: QuerySet | None = None) -> Membership | None:
    """The membership the person had on the day (in one of the `within` units, when given)."""
    memberships = person.memberships.select_related("unit")
    if within is not None:
        memberships = memberships.filter(unit_id__in=within)
    found = memberships.filter(started_on__lte=day).exclude(ended_on__lte=day).first()
    if found is not None:
        return found
    first = person.memberships.order_by("started_on").first()
    listed_before = (
        first is not None
        and first.entry_kind == EntryKind.LISTED
        and person.union_joined_on is not None
        and person.union_joined_on <= day < first.started_on
    )
    if listed_before and memberships.filter(pk=first.pk).exists():
        return first
    return None


def union_member_on(person: Person, day: date) -> bool:
    return membership_on(person, day) is not None


def not_member_reason(person: Person, day: date) -> str:
    """Why the person does not count on the day: not a union member at all then, or a member
    elsewhere — "not yet in this union"."""
    values = {"name": person.full_name, "day": format_date(day)}
    if union_member_on(person, day):
        return _("%(name)s chưa sinh hoạt ở đơn vị này vào ngày %(day)s.") % values
    if person.union_joined_on is not None and person.union_joined_on > day:
        values["joined"] = format_date(person.union_joined_on)
        return _("%(name)s chưa là đoàn viên vào ngày %(day)s (vào công đoàn ngày %(joined)s).") % (
            values
        )
    return _("%(name)s không là đoàn viên công đoàn vào ngày %(day)s.") % values
