"""Officials introduced to Party committees for leadership planning: a union introduces one of
the officials of its own subtree (holding a post there on the day) to a Party committee, for a
managerial position in a planning term; counted in the reports by the introducing union."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from congdoan.audit.services import audit_record
from congdoan.core.text import format_date, normalize_text
from congdoan.members.counts import subtree_units
from congdoan.members.models import Official, Person, PlanningIntroduction, PlanningStatus
from congdoan.members.services import require_member_keeper
from congdoan.org.models import Unit, UnitVersion

LONGEST_TERM = 10  # years a planning term may span


@dataclass(frozen=True)
class Introduction:
    introduced_on: date
    document_number: str
    party_committee: str
    planned_position: str
    term_from: int
    term_to: int
    status: str = PlanningStatus.INTRODUCED


def posts_below(unit: Unit, day: date) -> QuerySet[Official]:
    """The posts held on the day in the unit and the units below it then."""
    version = UnitVersion.objects.valid_on(day).filter(unit=unit).first()
    if version is None:
        return Official.objects.none()
    return Official.objects.filter(
        Q(ends_on__isnull=True) | Q(ends_on__gt=day),
        starts_on__lte=day,
        unit_id__in=subtree_units(version.path, day),
    )


def _clean(data: Introduction) -> dict:
    fields = {
        "document_number": normalize_text(data.document_number),
        "party_committee": normalize_text(data.party_committee),
        "planned_position": normalize_text(data.planned_position),
    }
    if not all(fields.values()):
        raise ValidationError(_("Thiếu số văn bản, cấp ủy tiếp nhận hoặc chức danh quy hoạch."))
    if not data.term_from <= data.term_to <= data.term_from + LONGEST_TERM:
        raise ValidationError(
            _("Nhiệm kỳ quy hoạch %(start)s–%(end)s không hợp lệ.")
            % {"start": data.term_from, "end": data.term_to}
        )
    if data.term_to < data.introduced_on.year:
        raise ValidationError(_("Nhiệm kỳ quy hoạch đã kết thúc trước ngày giới thiệu."))
    if data.status not in PlanningStatus.values:
        raise ValidationError(_("Trạng thái không hợp lệ."))
    return fields


@transaction.atomic
def planning_introduce(
    *, actor, unit: Unit, person: Person, data: Introduction
) -> PlanningIntroduction:
    """Record that the union introduced the official to the Party committee."""
    require_member_keeper(actor, unit)
    day = data.introduced_on
    if not unit.exists_on(day):
        raise ValidationError(
            _("Đơn vị không hoạt động vào ngày %(day)s.") % {"day": format_date(day)}
        )
    fields = _clean(data)
    if not posts_below(unit, day).filter(person=person).exists():
        raise ValidationError(
            _(
                "%(name)s không giữ chức vụ công đoàn nào ở đơn vị này hoặc đơn vị trực thuộc "
                "vào ngày %(day)s."
            )
            % {"name": person.full_name, "day": format_date(day)}
        )
    again = person.planning_introductions.filter(term_from=data.term_from, term_to=data.term_to)
    if again.exists():
        raise ValidationError(
            _("%(name)s đã được giới thiệu quy hoạch nhiệm kỳ %(start)s–%(end)s.")
            % {"name": person.full_name, "start": data.term_from, "end": data.term_to}
        )
    introduction = PlanningIntroduction.objects.create(
        person=person,
        unit=unit,
        introduced_on=day,
        term_from=data.term_from,
        term_to=data.term_to,
        status=data.status,
        **fields,
    )
    audit_record(
        actor=actor,
        action="members.planning_introduce",
        target=f"{person.code} {person.full_name}",
        unit=unit,
        object_type="members.planningintroduction",
        before={},
        after={**fields, "introduced_on": day.isoformat(), "term": introduction.term},
    )
    return introduction


def introductions_below(
    version: UnitVersion, start: date, end: date
) -> QuerySet[PlanningIntroduction]:
    """The introductions made in the period by the unit or a unit below it (in the structure of
    the end day): what the report counts and its list shows."""
    return PlanningIntroduction.objects.filter(
        unit_id__in=subtree_units(version.path, end), introduced_on__range=(start, end)
    )


def introduced_for_planning(version: UnitVersion, start: date, end: date) -> int:
    """The report's figure: a live count of the records."""
    return introductions_below(version, start, end).count()
