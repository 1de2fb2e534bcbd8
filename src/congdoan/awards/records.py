"""The records the eligibility rules read, loaded for many nominees at once (a fixed number of
queries whatever their number): memberships and posts on the campaign's reference date, the
units' places that day, exclusions of the year, and titles already held this year. Each kind
is read when a rule first asks for it.

The rows are plain tuples, not model instances: a campaign's sheets read ten thousand of each."""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import NamedTuple

from django.db.models import Min

from congdoan.awards.models import Award, Campaign, Exclusion, Rule
from congdoan.members.models import Membership, Official, Person
from congdoan.org.models import Unit, UnitVersion


class Place(NamedTuple):
    """The union a nominee belonged to on the reference date."""

    unit_id: int
    code: str
    sector: str  # the sector's code, "" when none is recorded


class Post(NamedTuple):
    unit_id: int
    position_name: str
    starts_on: date


class Version(NamedTuple):
    name: str
    parent_id: int | None


class Records:
    """Each kind of record is read on first use, for all the nominees at once: a campaign whose
    rules never ask for one (no position rule, or every nominee's union entry on file) never
    queries it."""

    def __init__(self, campaign: Campaign, people: list[Person], units: list[Unit] = ()):
        self.campaign = campaign
        self.on = campaign.reference_on
        self.units = units
        self.ids = [p.pk for p in people]

    @cached_property
    def places(self) -> dict[int, Place]:
        on = self.on
        return {
            person_id: Place(unit_id, code, sector or "")
            for person_id, unit_id, code, sector in Membership.objects.filter(
                person_id__any_of=self.ids, started_on__lte=on
            )
            .exclude(ended_on__lte=on)
            .values_list("person_id", "unit_id", "unit__code", "unit__sector__code")
        }

    @cached_property
    def first_joined(self) -> dict[int, date]:
        return dict(
            Membership.objects.filter(person_id__any_of=self.ids)
            .values("person_id")
            .annotate(first=Min("started_on"))
            .values_list("person_id", "first")
        )

    @cached_property
    def posts(self) -> dict[tuple[int, str], Post]:
        campaign = self.campaign
        codes = {
            c.params.get("position", "chair")
            for c in campaign.criteria.all()
            if c.rule == Rule.POSITION
        }
        if not codes:
            return {}
        posts: dict[tuple[int, str], Post] = {}
        for person_id, code, name, unit_id, starts_on in (
            Official.objects.filter(
                person_id__any_of=self.ids,
                position__code__in=codes,
                starts_on__lte=campaign.reference_on,
            )
            .exclude(ends_on__lt=campaign.reference_on)
            .order_by("starts_on")
            .values_list("person_id", "position__code", "position__name", "unit_id", "starts_on")
        ):
            posts.setdefault((person_id, code), Post(unit_id, name, starts_on))
        return posts

    @cached_property
    def versions(self) -> dict[int, Version]:
        """The units' places on the reference date: the nominees' unions, those where they hold
        their posts, and the unit nominees."""
        unit_ids = {place.unit_id for place in self.places.values()} | {u.pk for u in self.units}
        unit_ids |= {post.unit_id for post in self.posts.values()}
        return {
            unit_id: Version(name, parent_id)
            for unit_id, name, parent_id in UnitVersion.objects.valid_on(self.on)
            .filter(unit_id__any_of=list(unit_ids))
            .values_list("unit_id", "name", "parent_id")
        }

    @cached_property
    def exclusions(self) -> dict[int, Exclusion]:
        """Each nominee's first exclusion overlapping the campaign's year."""
        year = self.campaign.year
        found: dict[int, Exclusion] = {}
        for exclusion in Exclusion.objects.filter(
            person_id__any_of=self.ids,
            starts_on__lte=date(year, 12, 31),
            ends_on__gte=date(year, 1, 1),
        ).order_by("starts_on"):
            found.setdefault(exclusion.person_id, exclusion)
        return found

    @cached_property
    def held_by_person(self) -> dict[int, Award]:
        return {a.person_id: a for a in self._held().filter(person_id__any_of=self.ids)}

    @cached_property
    def held_by_unit(self) -> dict[int, Award]:
        return (
            {a.unit_id: a for a in self._held().filter(unit__in=self.units)} if self.units else {}
        )

    def _held(self):
        """The campaign's title awarded this year and not revoked."""
        return Award.objects.filter(
            title=self.campaign.title_id,
            campaign__year=self.campaign.year,
            revocation__isnull=True,
        ).select_related("decision__decision")

    def unit_name(self, unit_id: int, fallback: str) -> str:
        version = self.versions.get(unit_id)
        return version.name if version else fallback
