"""Scorecards as data: building the shipped ones, reading a card's structure for the arithmetic,
copying a card to a new year and editing it while no final result uses it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.audit.services import audit_changes, audit_record, snapshot
from congdoan.emulation import defaults, scoring
from congdoan.emulation.models import (
    Criterion,
    CriterionKind,
    Purpose,
    RatingStatus,
    Scorecard,
    UnitKind,
)
from congdoan.org.models import Unit


@dataclass(frozen=True)
class Card:
    """A scorecard's criteria, read once, in the shape the arithmetic needs."""

    scorecard: Scorecard
    criteria: list[Criterion]
    leaves: list[scoring.Leaf]
    groups: dict[int, scoring.Group]

    @property
    def thresholds(self) -> scoring.Thresholds:
        s = self.scorecard
        return scoring.Thresholds(s.excellent_min, s.good_min, s.completed_min, s.group_min_percent)

    @property
    def leaf_criteria(self) -> list[Criterion]:
        keys = {leaf.key for leaf in self.leaves}
        return [c for c in self.criteria if c.pk in keys]

    def errors(self, points: dict[int, Decimal | None]) -> list[str]:
        found = (scoring.points_error(leaf, points.get(leaf.key)) for leaf in self.leaves)
        return [error for error in found if error]

    def result(self, points: dict[int, Decimal]) -> tuple[Decimal, str]:
        scores = scoring.group_scores(self.leaves, self.groups, points)
        value = scoring.total(self.groups, scores)
        return value, scoring.klass(value, self.groups, scores, self.thresholds)


def card_of(scorecard: Scorecard) -> Card:
    criteria = list(scorecard.criteria.order_by("order", "pk"))
    by_parent: dict[int | None, list[Criterion]] = {}
    for criterion in criteria:
        by_parent.setdefault(criterion.parent_id, []).append(criterion)
    groups, leaves = {}, []
    for top in by_parent.get(None, []):
        groups[top.pk] = scoring.Group(top.pk, top.max_points, top.kind)
        stack = [top]
        while stack:
            node = stack.pop()
            children = by_parent.get(node.pk, [])
            if not children:
                leaves.append(scoring.Leaf(node.pk, node.code, top.pk, node.max_points))
            stack.extend(reversed(children))
    leaves.sort(key=lambda leaf: [int(p) if p.isdigit() else p for p in leaf.code.split(".")])
    return Card(scorecard, criteria, leaves, groups)


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


def require_card_editor(actor, scorecard: Scorecard) -> None:
    if not scope_for(actor).can_edit_org(scorecard.owner):
        raise PermissionDenied(_("Chỉ đơn vị ban hành bảng điểm được sửa bảng điểm."))


def require_not_in_use(scorecard: Scorecard) -> None:
    published = scorecard.qualityrating_set.filter(status=RatingStatus.PUBLISHED).exists()
    closed = scorecard.cluster_set.filter(closures__isnull=False).exists()
    if published or closed:
        raise ValidationError(
            _(
                "Bảng điểm năm %(year)s đã dùng cho kết quả chính thức, không sửa được; "
                "hãy sao chép sang năm mới rồi sửa."
            )
            % {"year": scorecard.year}
        )


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
