"""Changing a scorecard's tree of criteria while no final result uses it: adding a criterion or
sub-criterion, removing one that nobody has scored, moving one up or down among its siblings.
The same editor check and lock as the threshold and criterion edits (services/scorecards.py); after
each change the codes (1, 1.1, 1.2…) and the order follow the tree again. Audited."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import audit_record
from congdoan.emulation import scoring
from congdoan.emulation.models import Criterion, CriterionKind, RatingEntry, Scorecard, SheetEntry
from congdoan.emulation.permissions import require_card_editor, require_not_in_use
from congdoan.emulation.selectors import card_of

UP, DOWN = "up", "down"


def _require_editable(actor, scorecard: Scorecard) -> None:
    require_card_editor(actor, scorecard)
    require_not_in_use(scorecard)


def _clean(title: str, max_points: Decimal | None, kind: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError(_("Thiếu nội dung tiêu chí."))
    if max_points is None or max_points <= 0:
        raise ValidationError(_("Điểm tối đa phải lớn hơn 0."))
    if max_points != max_points.quantize(scoring.STEP) or max_points >= 10000:
        raise ValidationError(_("Điểm tối đa lấy đến một chữ số thập phân, dưới 10.000."))
    if kind not in CriterionKind.values:
        raise ValidationError(_("Loại tiêu chí không hợp lệ."))
    return title


def _scored_ids(criteria: list[Criterion]) -> set[int]:
    ids = [c.pk for c in criteria]
    rated = RatingEntry.objects.filter(criterion_id__in=ids).values_list("criterion_id", flat=True)
    sheets = SheetEntry.objects.filter(criterion_id__in=ids).values_list("criterion_id", flat=True)
    return set(rated) | set(sheets)


def _subtree(criterion: Criterion) -> list[Criterion]:
    everything = list(criterion.scorecard.criteria.all())
    found, frontier = [criterion], {criterion.pk}
    while frontier:
        below = [c for c in everything if c.parent_id in frontier]
        found.extend(below)
        frontier = {c.pk for c in below}
    return found


def _require_room(parent: Criterion, max_points: Decimal) -> None:
    taken = sum((c.max_points for c in parent.children.all()), Decimal(0))
    if taken + max_points > parent.max_points:
        raise ValidationError(
            _(
                "Mục %(parent)s tối đa %(max)s điểm, các mục con đã có %(taken)s điểm; "
                "mục con mới chỉ còn tối đa %(left)s điểm."
            )
            % {
                "parent": parent.code,
                "max": scoring.points_text(parent.max_points),
                "taken": scoring.points_text(taken),
                "left": scoring.points_text(max(parent.max_points - taken, Decimal(0))),
            }
        )


def _renumber(scorecard: Scorecard) -> None:
    """Codes and order from the tree: siblings keep their order, parents come first."""
    criteria = list(scorecard.criteria.order_by("order", "pk"))
    by_parent: dict[int | None, list[Criterion]] = {}
    for criterion in criteria:
        by_parent.setdefault(criterion.parent_id, []).append(criterion)
    ordered: list[Criterion] = []

    def walk(parent_id, prefix: str) -> None:
        for number, node in enumerate(by_parent.get(parent_id, []), start=1):
            node.code = f"{prefix}{number}"
            ordered.append(node)
            walk(node.pk, f"{node.code}.")

    walk(None, "")
    for position, node in enumerate(ordered, start=1):
        node.order = position
    final = {node.pk: node.code for node in ordered}
    for node in ordered:  # first out of the way of the unique codes, then the final ones
        node.code = f"#{node.pk}"
    Criterion.objects.bulk_update(ordered, ["code"])
    for node in ordered:
        node.code = final[node.pk]
    Criterion.objects.bulk_update(ordered, ["code", "order"])


def _audit(actor, action: str, scorecard: Scorecard, **after) -> None:
    audit_record(
        actor=actor,
        action=f"emulation.{action}",
        target=str(scorecard),
        unit=scorecard.owner,
        after={key: str(value) for key, value in after.items()},
    )


@transaction.atomic
def criterion_add(
    *,
    actor,
    scorecard: Scorecard,
    title: str,
    max_points: Decimal,
    kind: str = CriterionKind.NORMAL,
    evidence: str = "",
    parent: Criterion | None = None,
) -> Criterion:
    """A criterion at the end of the card, or a sub-criterion at the end of its parent's."""
    _require_editable(actor, scorecard)
    title = _clean(title, max_points, kind)
    if parent is not None:
        if parent.scorecard_id != scorecard.pk:
            raise ValidationError(_("Mục cha không thuộc bảng điểm này."))
        if kind != parent.kind:
            raise ValidationError(
                _("Mục con phải cùng loại với mục %(code)s (%(kind)s).")
                % {"code": parent.code, "kind": parent.get_kind_display()}
            )
        if not parent.children.exists() and _scored_ids([parent]):
            raise ValidationError(
                _("Mục %(code)s đã có điểm chấm, không thêm mục con được.") % {"code": parent.code}
            )
        _require_room(parent, max_points)
    last = scorecard.criteria.order_by("-order").values_list("order", flat=True).first() or 0
    criterion = Criterion.objects.create(
        scorecard=scorecard,
        parent=parent,
        code=f"#new{last + 1}",
        title=title,
        max_points=max_points,
        kind=kind,
        evidence=" ".join((evidence or "").split()),
        order=last + 1,
    )
    _renumber(scorecard)
    criterion.refresh_from_db()
    _audit(actor, "criterion_add", scorecard, code=criterion.code, title=title, max=max_points)
    return criterion


@transaction.atomic
def criterion_remove(*, actor, criterion: Criterion) -> None:
    """Removes the criterion with its sub-criteria, when none of them has been scored."""
    scorecard = criterion.scorecard
    _require_editable(actor, scorecard)
    subtree = _subtree(criterion)
    if _scored_ids(subtree):
        raise ValidationError(
            _("Mục %(code)s đã có điểm chấm, không xóa được.") % {"code": criterion.code}
        )
    if criterion.parent_id is None:
        groups = dict(card_of(scorecard).groups)
        groups.pop(criterion.pk)
        maximum = scoring.card_maximum(groups)
        if maximum < scorecard.excellent_min:
            raise ValidationError(
                _(
                    "Bỏ mục %(code)s thì bảng điểm chỉ còn tối đa %(max)s điểm, thấp hơn ngưỡng "
                    "xuất sắc %(excellent)s điểm; hãy sửa ngưỡng xếp loại trước."
                )
                % {
                    "code": criterion.code,
                    "max": scoring.points_text(maximum),
                    "excellent": scoring.points_text(scorecard.excellent_min),
                }
            )
    code, title = criterion.code, criterion.title
    Criterion.objects.filter(pk__in=[c.pk for c in reversed(subtree)]).delete()
    _renumber(scorecard)
    _audit(actor, "criterion_remove", scorecard, code=code, title=title)


@transaction.atomic
def criterion_move(*, actor, criterion: Criterion, direction: str) -> Criterion:
    """Swaps the criterion with the sibling above (up) or below (down) it."""
    scorecard = criterion.scorecard
    _require_editable(actor, scorecard)
    if direction not in (UP, DOWN):
        raise ValidationError(_("Chỉ chuyển lên hoặc xuống được."))
    _renumber(scorecard)  # distinct order slots before swapping two of them
    criterion.refresh_from_db()
    siblings = list(
        scorecard.criteria.filter(parent_id=criterion.parent_id).order_by("order", "pk")
    )
    index = [c.pk for c in siblings].index(criterion.pk)
    other = index - 1 if direction == UP else index + 1
    if not 0 <= other < len(siblings):
        message = (
            _("Mục %(code)s đã ở đầu, không chuyển lên được.")
            if direction == UP
            else _("Mục %(code)s đã ở cuối, không chuyển xuống được.")
        )
        raise ValidationError(message % {"code": criterion.code})
    siblings[index], siblings[other] = siblings[other], siblings[index]
    _reorder_siblings(siblings)
    before = criterion.code
    _renumber(scorecard)
    criterion.refresh_from_db()
    _audit(actor, "criterion_move", scorecard, before=before, after=criterion.code)
    return criterion


def _reorder_siblings(siblings: list[Criterion]) -> None:
    """Gives the siblings their new relative order inside the order slots they held."""
    slots = sorted(c.order for c in siblings)
    for node, slot in zip(siblings, slots, strict=True):
        node.order = slot
    Criterion.objects.bulk_update(siblings, ["order"])
