"""Reads of the registry, always through the user's scope: find people, list members, one record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL

from congdoan.accounts.scope import Scope
from congdoan.core.dates import add_years
from congdoan.core.search import matching_words
from congdoan.core.text import search_tokens
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
    status: str = "current"  # "current", "left" or "all"


def find_people(scope: Scope, wanted: MemberFilter, *, today: date) -> QuerySet[Person]:
    """People matching the filter, in Vietnamese name order, with their current membership."""
    people = readable_people(scope)
    people = _match_text(people, wanted.text)
    if is_citizen_id_search(wanted.text) or wanted.party in ("yes", "no"):
        people = only_kept(people, scope)  # filters on sensitive fields: the keepers' own people
    current = Membership.objects.filter(person=OuterRef("pk"), ended_on__isnull=True)
    if wanted.unit_path or wanted.sector_id:
        versions = UnitVersion.objects.valid_on(today)
        if wanted.unit_path:
            versions = versions.filter(path__startswith=wanted.unit_path)
        if wanted.sector_id:
            versions = versions.filter(unit__sector_id=wanted.sector_id)
        current = current.filter(unit_id__in=versions.values("unit_id"))
    if wanted.status == "current" or wanted.unit_path or wanted.sector_id:
        people = people.filter(Exists(current))
    elif wanted.status == "left":
        people = people.exclude(
            Exists(Membership.objects.filter(person=OuterRef("pk"), ended_on__isnull=True))
        )
    if wanted.gender in Gender.values:
        people = people.filter(gender=wanted.gender)
    people = _age_band(people, wanted, today)
    if wanted.party == "yes":
        people = people.filter(party_joined_on__isnull=False)
    elif wanted.party == "no":
        people = people.filter(party_joined_on__isnull=True)
    return _in_name_order(people, probe=bool(search_tokens(wanted.text)))


SMALL_RESULT = 50_000
UNINDEXED_NAME_ORDER = RawSQL("members_person.sort_key || ''", [])


def _in_name_order(people: QuerySet[Person], *, probe: bool) -> QuerySet[Person]:
    """People in Vietnamese name order, fetched the fast way for the size of the result.

    A name search matches few people, but PostgreSQL cannot tell: it may walk the whole
    name-order index filtering as it goes, and since the order starts with the given name, a
    search for a given name late in the alphabet walks nearly the whole table (seconds at a
    million rows). So a search first counts its matches up to SMALL_RESULT, which the trigram
    index answers quickly; when there are no more, they are sorted on their own (an order the
    index cannot serve). A broader search keeps the index walk, which finds its page early.
    """
    if probe and people.values("pk")[: SMALL_RESULT + 1].count() <= SMALL_RESULT:
        return people.order_by(UNINDEXED_NAME_ORDER, "pk")
    return people.order_by("sort_key", "pk")


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
