"""The roll-up report of a unit's subtree for a period, as of the structure of that period.

Registry and activity figures come from the reader `congdoan.figures.sources` picks for the
period (the kept monthly rows, the records counted live, or both): members at the end,
admitted, left, new and ended grassroots unions, Party referrals; activities are attributed as
the tree stood on each activity's day. The structure used is the tree on the period's last
day, or on the unit's last day when it ended inside the period. A fixed number of queries,
whatever the subtree holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count

from congdoan.activities.metrics import metric_choices
from congdoan.activities.models import ActivityType
from congdoan.activities.selectors import active_types, targets_overlapping
from congdoan.care.selectors import empty_figures, report_care
from congdoan.figures.sources import figures_for
from congdoan.members.counts import MemberFigures, PeriodFigures, member_totals
from congdoan.members.planning import introduced_for_planning
from congdoan.org.models import Level, Unit, UnitVersion
from congdoan.org.selectors import State, display_version, state_of
from congdoan.reports.children import ChildLine, child_lines
from congdoan.reports.recognition import awards_by_title, quality_classes, rating_years


@dataclass
class ActivityLine:
    kind: ActivityType
    count: int = 0
    people: int = 0
    money: int = 0
    quantity: int = 0

    def measures(self) -> list[tuple[str, str, int]]:
        return [(name, label, getattr(self, name)) for name, label in self.kind.measures]


@dataclass
class TargetLine:
    metric: str
    label: str
    starts_on: date
    ends_on: date
    basis: str
    target: int
    actual: int | None

    @property
    def percent(self) -> float | None:
        if self.actual is None or not self.target:
            return None
        return round(100 * self.actual / self.target, 1)


@dataclass
class Report:
    unit: Unit
    version: UnitVersion
    start: date
    end: date
    state: str
    structure_day: date
    members: MemberFigures
    period: PeriodFigures
    grassroots_total: int = 0
    by_sector: list[tuple[str, str, int]] = field(default_factory=list)
    activities: list[ActivityLine] = field(default_factory=list)
    targets: list[TargetLine] = field(default_factory=list)
    children: list[ChildLine] = field(default_factory=list)
    awards: list[tuple[str, int]] = field(default_factory=list)
    rating_years: list[int] = field(default_factory=list)
    ratings: list[tuple[str, str, int]] = field(default_factory=list)
    planning_introduced: int = 0  # officials introduced to Party committees for planning
    care: dict = field(default_factory=empty_figures)  # the care programmes ended in it

    @property
    def name(self) -> str:
        return self.version.short_name or self.version.name

    @property
    def has_figures(self) -> bool:
        return self.state in (State.NORMAL, State.ENDED_DURING)

    def metrics(self) -> dict[str, int]:
        """Every figure under its stable key (the keys targets are set on)."""
        values = {
            "members.total": self.members.members,
            "members.admitted": self.period.admitted,
            "grassroots.established": self.period.grassroots_established,
            "referrals.introduced": self.period.referred,
            "referrals.admitted": self.period.referrals_admitted,
        }
        for line in self.activities:
            values[f"activity.{line.kind.code}.count"] = line.count
            for name, _label, value in line.measures():
                values[f"activity.{line.kind.code}.{name}"] = value
        return values


EMPTY_MEMBERS = MemberFigures(members=0, women=0, party_members=0)


EMPTY_PERIOD = PeriodFigures(0, 0, 0, 0, 0, 0)


def build_report(unit: Unit, start: date, end: date, *, children: bool = True) -> Report:
    """The report of the unit's subtree from start to end (both included)."""
    state, day = state_of(unit, start, end)
    version = display_version(unit, day)
    report = Report(unit, version, start, end, state, day, EMPTY_MEMBERS, EMPTY_PERIOD)
    types = active_types()
    report.activities = [ActivityLine(kind) for kind in types]
    if report.has_figures:
        _fill(report, types, children)
    report.targets = _targets(report, types)
    return report


def _fill(report: Report, types: list[ActivityType], children: bool) -> None:
    version, day = report.version, report.structure_day
    source = figures_for(version, report.start, day)
    member_rows = source.members_by_unit()
    report.members = member_totals(member_rows)
    report.period = source.period()
    report.by_sector = _grassroots_by_sector(version, day)
    report.grassroots_total = sum(n for _code, _name, n in report.by_sector)
    rows = source.activity_rows()
    lines = {line.kind.pk: line for line in report.activities}
    for row in rows:
        line = lines.get(row["activity_type_id"])
        if line is not None:
            line.count += row["n"]
            line.people += row["people"] or 0
            line.money += row["money"] or 0
            line.quantity += row["quantity"] or 0
    report.awards = awards_by_title(version, day, report.start, day)
    report.rating_years = rating_years(report.start, report.end)
    report.ratings = quality_classes(version, day, report.rating_years)
    report.planning_introduced = introduced_for_planning(version, report.start, day)
    report.care = report_care(version.path, report.start, day)
    if children:
        admitted, below = source.child_parts(rows)
        report.children = child_lines(version, report.start, day, below, member_rows, admitted)


def _grassroots_by_sector(version: UnitVersion, day: date) -> list[tuple[str, str, int]]:
    rows = (
        UnitVersion.objects.valid_on(day)
        .filter(path__startswith=version.path, unit__unit_type__level=Level.GRASSROOTS)
        .values_list("unit__sector__code", "unit__sector__name", "unit__sector__order")
        .annotate(n=Count("id"))
        .order_by("unit__sector__order")
    )
    return [(code or "", name or "Chưa phân loại", n) for code, name, _order, n in rows]


def _targets(report: Report, types: list[ActivityType]) -> list[TargetLine]:
    labels = dict(metric_choices(types))
    actual = report.metrics() if report.has_figures else {}
    return [
        TargetLine(
            metric=target.metric,
            label=labels.get(target.metric, target.metric),
            starts_on=target.starts_on,
            ends_on=target.ends_on,
            basis=target.get_basis_display(),
            target=target.value,
            actual=actual.get(target.metric),
        )
        for target in targets_overlapping(report.unit.pk, report.start, report.end)
    ]
