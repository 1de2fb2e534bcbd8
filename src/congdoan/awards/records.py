"""The records the eligibility rules read, loaded for many nominees at once (a fixed number of
queries whatever their number): memberships and posts on the campaign's reference date, the
units' places that day, exclusions of the year, and titles already held this year."""

from __future__ import annotations

from datetime import date

from django.db.models import Min

from congdoan.awards.models import Award, Campaign, Exclusion, Rule
from congdoan.members.models import Membership, Official, Person
from congdoan.org.models import Unit, UnitVersion


class Records:
    def __init__(self, campaign: Campaign, people: list[Person], units: list[Unit] = ()):
        self.on = on = campaign.reference_on
        ids = [p.pk for p in people]
        self.memberships = {
            m.person_id: m
            for m in Membership.objects.filter(person_id__in=ids, started_on__lte=on)
            .exclude(ended_on__lte=on)
            .select_related("unit__sector")
        }
        self.first_joined = dict(
            Membership.objects.filter(person_id__in=ids)
            .values("person_id")
            .annotate(first=Min("started_on"))
            .values_list("person_id", "first")
        )
        self.posts = self._posts(campaign, ids)
        unit_ids = {m.unit_id for m in self.memberships.values()} | {u.pk for u in units}
        unit_ids |= {post.unit_id for post in self.posts.values()}
        self.versions = {
            v.unit_id: v for v in UnitVersion.objects.valid_on(on).filter(unit_id__in=unit_ids)
        }
        year = campaign.year
        self.exclusions: dict[int, Exclusion] = {}
        for found in Exclusion.objects.filter(
            person_id__in=ids, starts_on__lte=date(year, 12, 31), ends_on__gte=date(year, 1, 1)
        ).order_by("starts_on"):
            self.exclusions.setdefault(found.person_id, found)
        held = Award.objects.filter(
            title=campaign.title_id, campaign__year=year, revocation__isnull=True
        ).select_related("decision__decision")
        self.held_by_person = {a.person_id: a for a in held.filter(person_id__in=ids)}
        self.held_by_unit = {a.unit_id: a for a in held.filter(unit__in=units)} if units else {}

    @staticmethod
    def _posts(campaign: Campaign, ids: list[int]) -> dict[tuple[int, str], Official]:
        codes = {
            c.params.get("position", "chair")
            for c in campaign.criteria.all()
            if c.rule == Rule.POSITION
        }
        if not codes:
            return {}
        posts: dict[tuple[int, str], Official] = {}
        for post in (
            Official.objects.filter(
                person_id__in=ids, position__code__in=codes, starts_on__lte=campaign.reference_on
            )
            .exclude(ends_on__lt=campaign.reference_on)
            .select_related("position")
            .order_by("starts_on")
        ):
            posts.setdefault((post.person_id, post.position.code), post)
        return posts

    def unit_name(self, unit_id: int, fallback: str) -> str:
        version = self.versions.get(unit_id)
        return version.name if version else fallback
