"""The report as one JSON-ready object with stable keys (documented in the README); the
command `congdoan report summary --json` and the JSON endpoint both print this."""

from __future__ import annotations

from congdoan.core.dates import today
from congdoan.finance.selectors import dues_summary
from congdoan.reports.figures import Report
from congdoan.reports.narrative import narrative
from congdoan.reports.periods import describe_period

SCHEMA_VERSION = 1


def report_summary(report: Report) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "unit": {
            "code": report.unit.code,
            "name": report.version.name,
            "type": report.unit.unit_type.name,
            "established_on": report.unit.established_on.isoformat(),
            "ended_on": report.unit.ended_on.isoformat() if report.unit.ended_on else None,
        },
        "period": {
            "from": report.start.isoformat(),
            "to": report.end.isoformat(),
            "label": describe_period(report.start, report.end),
        },
        "state": report.state,
        "structure_day": report.structure_day.isoformat(),
        "members": {
            "total": report.members.members,
            "women": report.members.women,
            "party_members": report.members.party_members,
            "admitted": report.period.admitted,
            "left": report.period.left,
        },
        "grassroots": {
            "total": report.grassroots_total,
            "established": report.period.grassroots_established,
            "ended": report.period.grassroots_ended,
            "by_sector": [
                {"code": code, "name": name, "count": n} for code, name, n in report.by_sector
            ],
        },
        "party_referrals": {
            "introduced": report.period.referred,
            "admitted": report.period.referrals_admitted,
        },
        "leadership_planning": {"introduced": report.planning_introduced},
        "activities": [_activity(line) for line in report.activities],
        "targets": [_target(line) for line in report.targets],
        "children": [_child(line) for line in report.children],
        "emulation": {
            "rating_years": report.rating_years,
            "quality_classes": [
                {"class": code, "name": name, "count": n} for code, name, n in report.ratings
            ],
        },
        "awards": [{"title": title, "count": n} for title, n in report.awards],
        "care": report.care,
        "dues": dues_summary(report.unit, report.start, report.end, today(), report.version),
        "narrative": narrative(report),
    }


def _activity(line) -> dict:
    carried = dict(line.kind.measures)
    return {
        "type": line.kind.code,
        "name": line.kind.name,
        "count": line.count,
        **{name: getattr(line, name) if name in carried else None for name in NUMBERS},
    }


NUMBERS = ("people", "money", "quantity")


def _target(line) -> dict:
    return {
        "metric": line.metric,
        "label": line.label,
        "from": line.starts_on.isoformat(),
        "to": line.ends_on.isoformat(),
        "basis": line.basis,
        "target": line.target,
        "actual": line.actual,
        "percent": line.percent,
    }


def _child(line) -> dict:
    return {
        "code": line.code,
        "name": line.name,
        "type": line.type_name,
        "members": line.members,
        "admitted": line.admitted,
        "grassroots": line.grassroots,
        "activities": line.activities,
    }
