"""Reads of the registry, always through the user's scope: find people, list members, one record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import (
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.expressions import RawSQL

from congdoan.accounts.scope import Scope
from congdoan.core.dates import add_years
from congdoan.core.params import FIRST_DAY, LAST_DAY
from congdoan.core.search import matching_words
from congdoan.core.text import search_tokens
from congdoan.members import counts
from congdoan.members.models import Gender, Membership, Person, UnionCard
from congdoan.org.models import Level, Unit, UnitVersion
from congdoan.org.selectors import open_units


def kept_by(scope: Scope):
    """People whose sensitive fields the user may read (as Scope.can_read_sensitive decides for
    one person): a member, now or once, of a union whose registry the user keeps. A filter and
    an annotation; None for administrators, who keep every registry."""
    if scope.everything:
        return None
    units = UnitVersion.objects.filter(_paths_q(scope.member_edit_paths)).values("unit_id")
    return Exists(Membership.objects.filter(person=OuterRef("pk"), unit_id__in=units))


def _paths_q(paths: tuple[str, ...]) -> Q:
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(path__startswith=path)
    return query


def only_kept(people: QuerySet[Person], scope: Scope) -> QuerySet[Person]:
    kept = kept_by(scope)
    return people if kept is None else people.filter(kept)


def is_citizen_id_search(text: str) -> bool:
    compact = "".join(text.split())
    return compact.isdigit() and len(compact) >= 9


def readable_people(scope: Scope) -> QuerySet[Person]:
    """People who are, or were, members of a union the user may see."""
    if scope.everything:
        return Person.objects.all()
    units = scope.units().values("pk")
    return Person.objects.filter(
        Exists(Membership.objects.filter(person=OuterRef("pk"), unit_id__in=units))
    )


@dataclass(frozen=True)
class MemberFilter:
    text: str = ""
    unit_path: str = ""  # subtree of this path, as of today
    gender: str = ""
    age_from: int | None = None
    age_to: int | None = None
    party: str = ""  # "yes", "no" or ""
    sector_id: int | None = None
    status: str = "current"  # "current", "left" or "all": the person's state today
    as_of: date | None = None  # members on that day, in the unit's subtree as it stood then
    admitted_from: date | None = None  # admitted (or readmitted) between these days
    admitted_to: date | None = None
    left_from: date | None = None  # whose last day as a member fell between these days
    left_to: date | None = None

    @property
    def dated(self) -> bool:
        """Whether the list is of a past day or of movements in a period (not of today)."""
        return any(
            day is not None
            for day in (
                self.as_of,
                self.admitted_from,
                self.admitted_to,
                self.left_from,
                self.left_to,
            )
        )

    def tree_day(self, today: date) -> date:
        """The day whose tree the unit's subtree is read in: the "as of" day, else the last day
        of the periods given (a report's structure day), else today."""
        if self.as_of is not None:
            return self.as_of
        ends = [day for day in (self.admitted_to, self.left_to) if day is not None]
        return max(ends) if ends else today


def find_people(scope: Scope, wanted: MemberFilter, *, today: date) -> QuerySet[Person]:
    """People matching the filter, in Vietnamese name order, with their current membership.

    Without dates, the unit and sector filters keep today's members of the unit's subtree. With
    an "as of" day they keep who was a member on that day, and with admission or exit dates who
    was admitted or left then, each in the subtree as it stood on the list's tree day
    (`MemberFilter.tree_day`), by the rules the reports count with (members/counts.py); the
    status then tells the person's state today."""
    people = readable_people(scope)
    people = _match_text(people, wanted.text)
    if is_citizen_id_search(wanted.text) or wanted.party in ("yes", "no"):
        people = only_kept(people, scope)  # filters on sensitive fields: the keepers' own people
    day = wanted.tree_day(today)
    mine = Membership.objects.filter(person=OuterRef("pk"))
    if wanted.unit_path or wanted.sector_id:
        versions = UnitVersion.objects.valid_on(day)
        if wanted.unit_path:
            versions = versions.filter(path__startswith=wanted.unit_path)
        if wanted.sector_id:
            versions = versions.filter(unit__sector_id=wanted.sector_id)
        mine = mine.filter(unit_id__in=_unit_ids(versions))
    open_now = Membership.objects.filter(person=OuterRef("pk"), ended_on__isnull=True)
    if wanted.dated:
        people = _dated(people, mine, wanted)
        if wanted.status == "current":
            people = people.filter(Exists(open_now))
        elif wanted.status == "left":
            people = people.exclude(Exists(open_now))
    elif wanted.status == "current" or wanted.unit_path or wanted.sector_id:
        people = people.filter(Exists(mine.filter(ended_on__isnull=True)))
    elif wanted.status == "left":
        people = people.exclude(Exists(open_now))
    if wanted.gender in Gender.values:
        people = people.filter(gender=wanted.gender)
    people = _age_band(people, wanted, today)
    party_day = wanted.as_of or today
    if wanted.party == "yes":
        people = people.filter(party_joined_on__lte=party_day)
    elif wanted.party == "no":
        people = people.filter(Q(party_joined_on__isnull=True) | Q(party_joined_on__gt=party_day))
    return _in_name_order(people, probe=bool(search_tokens(wanted.text)))


FEW_UNITS = 200


def _unit_ids(versions: QuerySet[UnitVersion]):
    """The units of a small subtree as a list, so PostgreSQL estimates their members from its
    statistics of each unit (and walks the name order for a large union rather than sorting it
    whole); a larger subtree stays a subquery."""
    few = list(versions.values_list("unit_id", flat=True)[: FEW_UNITS + 1])
    return few if len(few) <= FEW_UNITS else versions.values("unit_id")


def _dated(people: QuerySet[Person], mine: QuerySet[Membership], wanted: MemberFilter):
    """People with a membership (in the unit and sector asked) on the day, and one begun by
    admission, and one ended, in the periods asked; an open bound reaches the calendar's."""
    if wanted.as_of is not None:
        day = wanted.as_of
        on_day = Q(started_on__lte=day) & (Q(ended_on__isnull=True) | Q(ended_on__gt=day))
        people = people.filter(Exists(mine.filter(on_day)))
    if wanted.admitted_from is not None or wanted.admitted_to is not None:
        start, end = wanted.admitted_from or FIRST_DAY, wanted.admitted_to or LAST_DAY
        people = people.filter(Exists(mine.filter(counts.admitted(start, end))))
    if wanted.left_from is not None or wanted.left_to is not None:
        start, end = wanted.left_from or FIRST_DAY, wanted.left_to or LAST_DAY
        people = people.filter(Exists(mine.filter(counts.left(start, end))))
    return people


EARLY_WINDOW = 4_000  # people at the head of the name order a probe walks
DENSE_EARLY = 40  # matches among them for the walk to find a page quickly (one in a hundred)
UNINDEXED_NAME_ORDER = RawSQL("members_person.sort_key || ''", [])


def _in_name_order(people: QuerySet[Person], *, probe: bool) -> QuerySet[Person]:
    """People in Vietnamese name order, fetched the fast way for how densely they come.

    PostgreSQL cannot tell how many people a name search (or a union's list) matches: it may
    walk the whole name-order index filtering as it goes, and since the order starts with the
    given name, a search for a given name late in the alphabet walks nearly the whole table
    (seconds at a million rows); or it may gather every match and sort them, slow when they are
    hundreds of thousands. So a probe walks the first EARLY_WINDOW people in name order: when
    DENSE_EARLY of them match, the walk finds a page within a few thousand rows and is kept;
    otherwise the matches are few or start late, and are gathered (by the trigram index, or
    the union's memberships) and sorted on their own, in an order the index cannot serve. The
    probe's cost is bounded by the window, whatever the table's size.
    """
    if probe and not _dense_early(people):
        return people.order_by(UNINDEXED_NAME_ORDER, "pk")
    return people.order_by("sort_key", "pk")


def _dense_early(people: QuerySet[Person]) -> bool:
    edge = Person.objects.order_by("sort_key", "pk").values("sort_key")
    early = people.filter(sort_key__lte=Subquery(edge[EARLY_WINDOW - 1 : EARLY_WINDOW]))
    return early.values("pk")[:DENSE_EARLY].count() >= DENSE_EARLY


def _match_text(people: QuerySet[Person], text: str) -> QuerySet[Person]:
    if is_citizen_id_search(text):
        return people.filter(citizen_id="".join(text.split()))
    tokens = search_tokens(text)
    if not tokens:
        return people
    holders = list(
        UnionCard.objects.filter(number=text.strip()).values_list("person_id", flat=True)
    )
    if holders:  # a card number, typed whole
        return people.filter(pk__in=holders)
    # Name words alone (no OR with other lookups) so PostgreSQL can use the trigram index.
    return people.filter(matching_words(tokens))


def _age_band(people: QuerySet[Person], wanted: MemberFilter, today: date) -> QuerySet[Person]:
    if wanted.age_from is not None:
        people = people.filter(birth_date__lte=add_years(today, -wanted.age_from))
    if wanted.age_to is not None:
        people = people.filter(birth_date__gt=add_years(today, -(wanted.age_to + 1)))
    return people


def attach_current_units(people: list[Person], today: date) -> list[Person]:
    """Set `current_membership` and `current_unit_name` on each person with two queries."""
    current = Membership.objects.filter(person__in=people, ended_on__isnull=True)
    memberships = {m.person_id: m for m in current.select_related("unit")}
    names = dict(
        UnitVersion.objects.valid_on(today)
        .filter(unit_id__in={m.unit_id for m in memberships.values()})
        .values_list("unit_id", "name")
    )
    for person in people:
        membership = memberships.get(person.pk)
        person.current_membership = membership
        person.current_unit_name = names.get(membership.unit_id, "") if membership else ""
    return people


def person_history(person: Person) -> list[Membership]:
    memberships = list(person.memberships.select_related("unit", "decision").order_by("started_on"))
    names = {}
    for version in UnitVersion.objects.filter(
        unit_id__in={m.unit_id for m in memberships}
    ).order_by("valid_from"):
        names[version.unit_id] = version.name
    for membership in memberships:
        membership.unit_name = names.get(membership.unit_id, membership.unit.code)
    return memberships


def keepable_grassroots(scope: Scope, *, besides: Unit | None = None) -> QuerySet[Unit]:
    """Open grassroots unions whose registry the user keeps (other than `besides`)."""
    units = open_units(levels=[Level.GRASSROOTS], within=scope.member_editable_versions())
    return units.exclude(pk=besides.pk) if besides is not None else units


def unit_officials(unit: Unit, day: date) -> dict[str, list]:
    """Officials of a unit holding a post on the day, and those whose post had ended by then."""
    posts = unit.officials.select_related("person", "position", "term").filter(starts_on__lte=day)
    current = [p for p in posts if p.ends_on is None or p.ends_on >= day]
    past = [p for p in posts if p.ends_on is not None and p.ends_on < day]
    return {"current": current, "past": past}
