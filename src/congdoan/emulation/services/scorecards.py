"""Scorecards: the shipped ones for a year, a copy for a new year, thresholds, a criterion's text.
One transaction per use case, the editor checked, audited."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import audit_changes, audit_record, snapshot
from congdoan.emulation import defaults, scoring
from congdoan.emulation.models import (
    Criterion,
    CriterionKind,
    Purpose,
    Scorecard,
    UnitKind,
)
from congdoan.emulation.permissions import require_card_editor, require_not_in_use
from congdoan.emulation.selectors import card_of
from congdoan.org.models import Unit


def _add_criteria(scorecard: Scorecard, rows: list[tuple], parent=None, order=None) -> None:
    order = order if order is not None else [0]
    for row in rows:
        code, title, max_points, evidence = row[:4]
        children = row[4] if len(row) > 4 else []
        kind = row[5] if len(row) > 5 else (parent.kind if parent else CriterionKind.NORMAL)
        order[0] += 1
        node = Criterion.objects.create(
            scorecard=scorecard,
            parent=parent,
            code=code,
            title=title,
            max_points=Decimal(max_points),
            evidence=evidence,
            kind=kind,
            order=order[0],
        )
        _add_criteria(scorecard, children, node, order)


def ensure_shipped_scorecards(owner: Unit, year: int) -> list[Scorecard]:
    """The quality scorecards (enterprise, public) and the covenant scale of a year."""
    made = []
    specs = [
        (
            Purpose.QUALITY,
            kind,
            _("Xếp loại chất lượng %(kind)s") % {"kind": kind.label},
            defaults.quality_criteria(kind),
        )
        for kind in (UnitKind.ENTERPRISE, UnitKind.PUBLIC)
    ]
    specs.append(
        (Purpose.CLUSTER, UnitKind.ANY, _("Giao ước thi đua cụm"), defaults.COVENANT_CRITERIA)
    )
    for purpose, kind, name, rows in specs:
        card, created = Scorecard.objects.get_or_create(
            owner=owner, purpose=purpose, unit_kind=kind, year=year, defaults={"name": name}
        )
        if created:
            _add_criteria(card, rows)
        made.append(card)
    return made


@transaction.atomic
def scorecard_copy(*, actor, scorecard: Scorecard, year: int) -> Scorecard:
    """A new year's card with the same criteria and thresholds; the old year is untouched."""
    require_card_editor(actor, scorecard)
    if Scorecard.objects.filter(
        owner=scorecard.owner, purpose=scorecard.purpose, unit_kind=scorecard.unit_kind, year=year
    ).exists():
        raise ValidationError(_("Năm %(year)s đã có bảng điểm loại này.") % {"year": year})
    source = scorecard.pk
    criteria = list(scorecard.criteria.order_by("order", "pk"))
    scorecard = Scorecard.objects.get(pk=source)  # a fresh copy: the caller's card stays its year
    scorecard.pk = None
    scorecard._state.adding = True
    scorecard.year, scorecard.copied_from_id = year, source
    scorecard.save()
    new_ids: dict[int, Criterion] = {}
    for criterion in criteria:  # parents come before their children (order)
        old = criterion.pk
        criterion.pk, criterion.scorecard = None, scorecard
        criterion.parent = new_ids.get(criterion.parent_id)
        criterion.save()
        new_ids[old] = criterion
    audit_record(
        actor=actor,
        action="emulation.scorecard_copy",
        target=str(scorecard),
        unit=scorecard.owner,
        after={"from": source, "year": year},
    )
    return scorecard


@transaction.atomic
def scorecard_set_thresholds(
    *,
    actor,
    scorecard: Scorecard,
    excellent: Decimal,
    good: Decimal,
    completed: Decimal,
    group_min_percent: int,
) -> Scorecard:
    require_card_editor(actor, scorecard)
    require_not_in_use(scorecard)
    maximum = scoring.card_maximum(card_of(scorecard).groups)
    if not (maximum >= excellent > good > completed >= 0):
        raise ValidationError(
            _(
                "Ngưỡng xếp loại phải giảm dần: xuất sắc > tốt > hoàn thành ≥ 0, và không quá "
                "%(max)s điểm."
            )
            % {"max": scoring.points_text(maximum)}
        )
    if not 0 <= group_min_percent <= 100:
        raise ValidationError(_("Tỷ lệ tối thiểu mỗi nhóm phải từ 0 đến 100%."))
    before = snapshot(scorecard)
    scorecard.excellent_min, scorecard.good_min, scorecard.completed_min = (
        excellent,
        good,
        completed,
    )
    scorecard.group_min_percent = group_min_percent
    scorecard.save(
        update_fields=[
            "excellent_min",
            "good_min",
            "completed_min",
            "group_min_percent",
            "updated_at",
        ]
    )
    audit_changes(
        actor=actor,
        action="emulation.thresholds",
        instance=scorecard,
        before=before,
        target=str(scorecard),
        unit=scorecard.owner,
    )
    return scorecard


@transaction.atomic
def criterion_update(
    *, actor, criterion: Criterion, title: str, max_points: Decimal, evidence: str
) -> Criterion:
    scorecard = criterion.scorecard
    require_card_editor(actor, scorecard)
    require_not_in_use(scorecard)
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError(_("Thiếu nội dung tiêu chí."))
    if max_points is None or max_points <= 0:
        raise ValidationError(_("Điểm tối đa phải lớn hơn 0."))
    children = sum((c.max_points for c in criterion.children.all()), Decimal(0))
    if children and max_points < children:
        raise ValidationError(
            _("Các mục con cộng lại %(sum)s điểm, điểm tối đa của mục không thể nhỏ hơn.")
            % {"sum": scoring.points_text(children)}
        )
    parent = criterion.parent
    if parent is not None:
        siblings = sum((c.max_points for c in parent.children.exclude(pk=criterion.pk)), Decimal(0))
        if siblings + max_points > parent.max_points:
            raise ValidationError(
                _(
                    "Mục %(code)s chỉ còn tối đa %(left)s điểm trong %(max)s điểm của mục "
                    "%(parent)s."
                )
                % {
                    "code": criterion.code,
                    "left": scoring.points_text(parent.max_points - siblings),
                    "max": scoring.points_text(parent.max_points),
                    "parent": parent.code,
                }
            )
    before = snapshot(criterion)
    criterion.title, criterion.max_points, criterion.evidence = title, max_points, evidence
    criterion.save(update_fields=["title", "max_points", "evidence"])
    audit_changes(
        actor=actor,
        action="emulation.criterion",
        instance=criterion,
        before=before,
        target=f"{scorecard} {criterion.code}",
        unit=scorecard.owner,
    )
    return criterion
