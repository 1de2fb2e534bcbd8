"""The yearly grassroots quality rating: the union self-scores, the upper level checks and
adjusts with a reason, then publishes; a published rating changes only after a recorded
reopening. Only unions that have run 12 months (6 after a merger or split) are rated."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from congdoan.audit.services import audit_changes, audit_record, snapshot
from congdoan.emulation.models import (
    QualityRating,
    RatingEntry,
    RatingStatus,
    Reopening,
)
from congdoan.emulation.permissions import checker_refusal, may_check, may_self_score
from congdoan.emulation.selectors import (
    Card,
    card_of,
    quality_scorecard,
    require_ratable,
    year_end,
)
from congdoan.notices.services import keepers_of, notify_all
from congdoan.org.models import Unit
from congdoan.org.selectors import display_version


def _clean_points(card: Card, points: dict[int, Decimal | None]) -> None:
    errors = card.errors(points)
    if errors:
        raise ValidationError(errors)


def _require_evidence(card: Card, points: dict, evidence: dict[int, str]) -> None:
    """Points claimed on a criterion whose card names the evidence it needs need that evidence."""
    missing = [
        criterion
        for criterion in card.leaf_criteria
        if criterion.evidence
        and points.get(criterion.pk)
        and not (evidence.get(criterion.pk) or "").strip()
    ]
    if missing:
        raise ValidationError(
            [
                _("Tiêu chí %(code)s cần minh chứng: %(evidence)s.")
                % {"code": criterion.code, "evidence": criterion.evidence}
                for criterion in missing
            ]
        )


def self_result(
    card: Card, points: dict[int, Decimal | None], evidence: dict[int, str]
) -> tuple[Decimal, str]:
    """The total and class of a self-score, once its points and evidence stand."""
    _clean_points(card, points)
    _require_evidence(card, points, evidence)
    return card.result(points)


def self_entries(rating: QualityRating, card: Card, points: dict, evidence: dict[int, str]):
    """The rating's rows per leaf, the upper level's points starting as the self-score."""
    return [
        RatingEntry(
            rating=rating,
            criterion_id=leaf.key,
            self_points=points[leaf.key],
            points=points[leaf.key],
            evidence=(evidence.get(leaf.key) or "").strip()[:400],
        )
        for leaf in card.leaves
    ]


@transaction.atomic
def rating_self_score(
    *, actor, unit: Unit, year: int, points: dict[int, Decimal | None], evidence: dict[int, str]
) -> QualityRating:
    if not may_self_score(actor, unit):
        raise PermissionDenied(_("Chỉ cán bộ của công đoàn cơ sở được tự chấm điểm."))
    require_ratable(unit, year)
    rating = QualityRating.objects.select_for_update().filter(unit=unit, year=year).first()
    if rating is not None and rating.status != RatingStatus.SELF:
        raise ValidationError(
            _("Kết quả năm %(year)s đã được cấp trên thẩm định; không tự chấm lại được.")
            % {"year": year}
        )
    card = card_of(rating.scorecard if rating else quality_scorecard(unit, year))
    value, klass = self_result(card, points, evidence)
    if rating is None:
        rating = QualityRating(unit=unit, year=year, scorecard=card.scorecard)
    rating.status, rating.self_total, rating.total, rating.klass = (
        RatingStatus.SELF,
        value,
        value,
        klass,
    )
    rating.save()
    rating.entries.all().delete()
    RatingEntry.objects.bulk_create(self_entries(rating, card, points, evidence))
    audit_record(
        actor=actor,
        action="emulation.quality_self",
        target=f"{unit.code} {year}",
        unit=unit,
        after={"total": str(value), "class": klass},
    )
    return rating


@transaction.atomic
def rating_check(
    *, actor, rating: QualityRating, points: dict[int, Decimal | None], reasons: dict[int, str]
) -> QualityRating:
    """The upper level's scores; any change from the self-score needs its reason."""
    _require_checker(actor, rating)
    rating = QualityRating.objects.select_for_update().get(pk=rating.pk)
    _require_open(rating)
    card = card_of(rating.scorecard)
    _clean_points(card, points)
    entries = {e.criterion_id: e for e in rating.entries.select_related("criterion")}
    missing = [
        entries[key].criterion.code
        for key, value in points.items()
        if key in entries and value != entries[key].self_points and not reasons.get(key, "").strip()
    ]
    if missing:
        raise ValidationError(
            _("Điều chỉnh điểm phải ghi lý do (mục %(codes)s).") % {"codes": ", ".join(missing)}
        )
    for key, entry in entries.items():
        entry.points, entry.reason = points[key], (reasons.get(key) or "").strip()[:400]
    RatingEntry.objects.bulk_update(entries.values(), ["points", "reason"])
    before = snapshot(rating)
    rating.total, rating.klass = card.result(points)
    rating.status = RatingStatus.CHECKED
    rating.save(update_fields=["total", "klass", "status", "updated_at"])
    _audit_rating(actor, rating, before, "emulation.quality_check")
    _tell_union(
        actor,
        rating,
        _("Cấp trên đã thẩm định xếp loại chất lượng năm %(year)s của %(unit)s: %(class)s"),
    )
    return rating


@transaction.atomic
def rating_publish(*, actor, rating: QualityRating, on: date) -> QualityRating:
    _require_checker(actor, rating)
    rating = QualityRating.objects.select_for_update().get(pk=rating.pk)
    if rating.status != RatingStatus.CHECKED:
        raise ValidationError(_("Chỉ công bố kết quả đã được cấp trên thẩm định."))
    before = snapshot(rating)
    rating.status, rating.published_on = RatingStatus.PUBLISHED, on
    rating.save(update_fields=["status", "published_on", "updated_at"])
    _audit_rating(actor, rating, before, "emulation.quality_publish")
    _tell_union(
        actor, rating, _("Đã công bố xếp loại chất lượng năm %(year)s của %(unit)s: %(class)s")
    )
    return rating


@transaction.atomic
def rating_reopen(*, actor, rating: QualityRating, reason: str) -> QualityRating:
    _require_checker(actor, rating)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError(_("Mở lại kết quả đã công bố phải ghi lý do."))
    rating = QualityRating.objects.select_for_update().get(pk=rating.pk)
    if rating.status != RatingStatus.PUBLISHED:
        raise ValidationError(_("Kết quả chưa công bố, không cần mở lại."))
    before = snapshot(rating)
    rating.status, rating.published_on = RatingStatus.CHECKED, None
    rating.save(update_fields=["status", "published_on", "updated_at"])
    Reopening.objects.create(
        target=f"{rating.unit.code} {rating.year}", reason=reason, actor=actor, rating=rating
    )
    audit_changes(
        actor=actor,
        action="emulation.quality_reopen",
        instance=rating,
        before=before,
        target=f"{rating.unit.code} {rating.year}",
        unit=rating.unit,
        extra={"reason": reason},
    )
    return rating


def _require_checker(actor, rating: QualityRating) -> None:
    if not may_check(actor, rating.unit, rating.year):
        raise checker_refusal()


def _require_open(rating: QualityRating) -> None:
    if rating.status == RatingStatus.PUBLISHED:
        raise ValidationError(
            _("Kết quả năm %(year)s đã công bố và khóa; muốn sửa phải mở lại có ghi lý do.")
            % {"year": rating.year}
        )


def _tell_union(actor, rating: QualityRating, title: str) -> None:
    """The keepers of the rated union are told their rating moved (who moved it is not)."""
    names = {
        "year": rating.year,
        "unit": display_version(rating.unit, year_end(rating.year)).name,
        "class": rating.get_klass_display(),
    }
    notify_all(
        keepers_of(rating.unit).exclude(pk=actor.pk),
        title=title % names,
        link=reverse("emulation:rating", args=[rating.unit_id, rating.year]),
    )


def _audit_rating(actor, rating: QualityRating, before: dict, action: str) -> None:
    """One step of a rating's life in the audit trail, named by its union and year."""
    audit_changes(
        actor=actor,
        action=action,
        instance=rating,
        before=before,
        target=f"{rating.unit.code} {rating.year}",
        unit=rating.unit,
    )
