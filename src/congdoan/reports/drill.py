"""The lists behind a report's figures: for each registry figure, the link to the list that holds
exactly the records counted, in the report's period and its structure (the tree of the
structure day, ended units included), and the grassroots unions and Party referrals lists
those links open. The counting rules are those of `congdoan.members.counts`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.db.models import F, Q, QuerySet
from django.urls import reverse

from congdoan.members import counts
from congdoan.members.models import Gender, PartyReferral
from congdoan.org.models import Level, Unit, UnitVersion
from congdoan.org.selectors import display_version

UNIT_KINDS = ("total", "established", "ended")
REFERRAL_KINDS = ("introduced", "admitted")
NO_SECTOR = "-"  # the sector parameter of unions with no sector


def _url(name: str, args=None, **query) -> str:
    params = {key: value for key, value in query.items() if value is not None}
    for key, value in params.items():
        if isinstance(value, date):
            params[key] = f"{value:%Y-%m-%d}"
    return reverse(name, args=args) + "?" + urlencode(params)


@dataclass(frozen=True)
class Links:
    """The links of one unit's figures, from `start` to `day` (the structure day)."""

    unit_id: int
    start: date
    day: date
    sensitive: bool  # the user keeps the whole subtree: Party figures open too

    def _members(self, **query) -> str:
        return _url("members:list", unit=self.unit_id, status="all", **query)

    @property
    def members(self) -> str:
        return self._members(as_of=self.day)

    @property
    def women(self) -> str:
        return self._members(as_of=self.day, gender=Gender.FEMALE)

    @property
    def party_members(self) -> str:
        return self._members(as_of=self.day, party="yes") if self.sensitive else ""

    @property
    def admitted(self) -> str:
        return self._members(admitted_from=self.start, admitted_to=self.day)

    @property
    def left(self) -> str:
        return self._members(left_from=self.start, left_to=self.day)

    def _units(self, kind: str, sector: str | None = None) -> str:
        args = [self.unit_id]
        return _url("reports:units", args, kind=kind, sector=sector, **self._period())

    def _period(self) -> dict:
        return {"from": self.start, "to": self.day}

    @property
    def grassroots(self) -> str:
        return self._units("total")

    @property
    def established(self) -> str:
        return self._units("established")

    @property
    def ended(self) -> str:
        return self._units("ended")

    def sector(self, code: str) -> str:
        return self._units("total", code or NO_SECTOR)

    def _referrals(self, kind: str) -> str:
        if not self.sensitive:
            return ""
        return _url("reports:referrals", [self.unit_id], kind=kind, **self._period())

    @property
    def referred(self) -> str:
        return self._referrals("introduced")

    @property
    def referrals_admitted(self) -> str:
        return self._referrals("admitted")

    @property
    def awards(self) -> str:
        query = {"unit": self.unit_id, "start": self.start, "end": self.day, "as_of": self.day}
        return _url("awards:report", **query)


def grassroots_list(unit: Unit, start: date, day: date, kind: str, sector: str = "") -> QuerySet:
    """The grassroots unions a report counts, one version each (the version of the structure
    day, or an ended union's last one), in Vietnamese name order."""
    path = display_version(unit, day).path
    grassroots = Q(unit__unit_type__level=Level.GRASSROOTS)
    if kind == "total":
        versions = UnitVersion.objects.valid_on(day).filter(grassroots, path__startswith=path)
        if sector == NO_SECTOR:
            versions = versions.filter(unit__sector__isnull=True)
        elif sector:
            versions = versions.filter(unit__sector__code=sector)
    else:
        rule = counts.established(start, day) if kind == "established" else counts.ended(start, day)
        units = Unit.objects.filter(
            rule, unit_type__level=Level.GRASSROOTS, pk__in=counts.units_during(path, start, day)
        )
        versions = UnitVersion.objects.filter(
            Q(valid_to__isnull=True) | Q(valid_to__gt=day) | Q(valid_to=F("unit__ended_on")),
            unit_id__in=units.values("pk"),
            valid_from__lte=day,
        )
    return versions.select_related("unit", "unit__sector", "unit__unit_type").order_by(
        "sort_key", "unit_id"
    )


def referral_list(unit: Unit, start: date, day: date, kind: str) -> QuerySet[PartyReferral]:
    """The Party referrals a report counts: resolved, or admitted to the Party, in the period,
    by the unions of the structure day's subtree."""
    version = display_version(unit, day)
    rule = (
        counts.referred(start, day)
        if kind == "introduced"
        else counts.referrals_admitted(start, day)
    )
    return (
        PartyReferral.objects.filter(rule, unit_id__in=counts.units_in_subtree(version, day))
        .select_related("person", "unit")
        .order_by("resolution_on", "person__sort_key", "pk")
    )
