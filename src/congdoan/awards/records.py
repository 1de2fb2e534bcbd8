"""The records the eligibility rules read, loaded for many nominees at once (a fixed number of
queries whatever their number): memberships and posts on the campaign's reference date, the
units' places that day, exclusions of the year, and titles already held this year.

The rows are plain tuples, not model instances: a campaign's sheets read ten thousand of each."""

from __future__ import annotations

from datetime import date
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
    def __init__(self, campaign: Campaign, people: list[Person], units: list[Unit] = ()):
        self.on = on = campaign.reference_on
        ids = [p.pk for p in people]
        self.places = {
            person_id: Place(unit_id, code, sector or "")
            for person_id, unit_id, code, sector in Membership.objects.filter(
                person_id__any_of=ids, started_on__lte=on
            )
            .exclude(ended_on__lte=on)
            .values_list("person_id", "unit_id", "unit__code", "unit__sector__code")
        }
        self.first_joined = dict(
            Membership.objects.filter(person_id__any_of=ids)
            .values("person_id")
            .annotate(first=Min("started_on"))
            .values_list("person_id", "first")
        )
        self.posts = self._posts(campaign, ids)
        unit_ids = {place.unit_id for place in self.places.values()} | {u.pk for u in units}
        unit_ids |= {post.unit_id for post in self.posts.values()}
        self.versions = {
            unit_id: Version(name, parent_id)
            for unit_id, name, parent_id in UnitVersion.objects.valid_on(on)
            .filter(unit_id__any_of=list(unit_ids))
            .values_list("unit_id", "name", "parent_id")
        }
        year = campaign.year
        self.exclusions: dict[int, Exclusion] = {}
        for found in Exclusion.objects.filter(
            person_id__any_of=ids, starts_on__lte=date(year, 12, 31), ends_on__gte=date(year, 1, 1)
        ).order_by("starts_on"):
            self.exclusions.setdefault(found.person_id, found)
        held = Award.objects.filter(
            title=campaign.title_id, campaign__year=year, revocation__isnull=True
        ).select_related("decision__decision")
        self.held_by_person = {a.person_id: a for a in held.filter(person_id__any_of=ids)}
        self.held_by_unit = {a.unit_id: a for a in held.filter(unit__in=units)} if units else {}

    @staticmethod
    def _posts(campaign: Campaign, ids: list[int]) -> dict[tuple[int, str], Post]:
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
                person_id__any_of=ids,
                position__code__in=codes,
                starts_on__lte=campaign.reference_on,
            )
            .exclude(ends_on__lt=campaign.reference_on)
            .order_by("starts_on")
            .values_list("person_id", "position__code", "position__name", "unit_id", "starts_on")
        ):
            posts.setdefault((person_id, code), Post(unit_id, name, starts_on))
        return posts

    def unit_name(self, unit_id: int, fallback: str) -> str:
        version = self.versions.get(unit_id)
        return version.name if version else fallback
