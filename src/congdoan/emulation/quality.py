"""The yearly grassroots quality rating: the union self-scores, the upper level checks and
adjusts with a reason, then publishes; a published rating changes only after a recorded
reopening. Only unions that have run 12 months (6 after a merger or split) are rated."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.accounts.scope import Scope, scope_for
from congdoan.audit.services import audit_changes, audit_record, snapshot
from congdoan.core.dates import add_years
from congdoan.core.text import format_date
from congdoan.emulation.models import (
    Purpose,
    QualityRating,
    RatingEntry,
    RatingStatus,
    Reopening,
    Scorecard,
    UnitKind,
)
from congdoan.emulation.scorecards import Card, card_of
from congdoan.org.models import Level, Reorganisation, Unit
from congdoan.org.selectors import display_version

PUBLIC_SECTORS = {"public"}


def year_end(year: int) -> date:
    return date(year, 12, 31)


def unit_kind_of(unit: Unit) -> str:
    code = unit.sector.code if unit.sector_id else ""
    return UnitKind.PUBLIC if code in PUBLIC_SECTORS else UnitKind.ENTERPRISE


def quality_scorecard(unit: Unit, year: int) -> Scorecard:
    """The quality scorecard in force for the year, issued by the nearest unit above the union.

    A card stays in force in the years after it was issued until its issuer issues a new one.
    """
    ancestors = display_version(unit, year_end(year)).ancestor_ids
    cards = quality_cards(year).filter(owner_id__in=ancestors)
    return card_in_force(cards, unit_kind_of(unit), ancestors, year)


def quality_cards(year: int):
    """The quality cards issued up to the year, oldest first (each issuer's latest wins)."""
    return Scorecard.objects.filter(purpose=Purpose.QUALITY, year__lte=year).order_by("year")


def card_in_force(cards, kind: str, ancestors: list[int], year: int) -> Scorecard:
    """Of the cards (oldest first), the latest of the nearest issuer above, for the unit kind."""
    latest = {card.owner_id: card for card in cards if card.unit_kind == kind}
    for owner in reversed(ancestors):
        if owner in latest:
            return latest[owner]
    raise ValidationError(
        _("Chưa có bảng điểm xếp loại chất lượng năm %(year)s cho đơn vị này.") % {"year": year}
    )


def restructured_on(units) -> dict[int, date]:
    """The last merger or split each of the units went through, by unit id."""
    rows = (
        Reorganisation.objects.filter(
            unitversion__unit__in=units,
            kind__in=[Reorganisation.Kind.MERGE, Reorganisation.Kind.SPLIT],
        )
        .values_list("unitversion__unit_id", "effective_on")
        .order_by("effective_on")
    )
    return dict(rows)


def required_start(unit: Unit, year: int) -> date:
    """The latest day the union may have started and still be rated for the year."""
    return start_deadline(year, restructured_on([unit]).get(unit.pk))


def start_deadline(year: int, restructured: date | None) -> date:
    if restructured is not None and restructured.year == year:
        return date(year, 7, 1)  # six months by 31/12
    return add_years(date(year + 1, 1, 1), -1)  # twelve months by 31/12


def require_ratable(unit: Unit, year: int) -> None:
    if unit.unit_type.level != Level.GRASSROOTS:
        raise ValidationError(_("Chỉ xếp loại chất lượng công đoàn cơ sở."))
    require_old_enough(unit, year, required_start(unit, year))


def require_old_enough(unit: Unit, year: int, latest: date) -> None:
    """Not ended by 31/12 of the year, and started by the latest day the rule allows."""
    if unit.ended_on is not None and unit.ended_on <= year_end(year):
        raise ValidationError(
            _("Công đoàn đã kết thúc hoạt động ngày %(day)s, không xếp loại năm %(year)s.")
            % {"day": format_date(unit.ended_on), "year": year}
        )
    if unit.established_on > latest:
        raise ValidationError(
            _(
                "Công đoàn thành lập ngày %(day)s, chưa đủ thời gian hoạt động để xếp loại "
                "năm %(year)s (cần thành lập từ %(latest)s trở về trước)."
            )
            % {"day": format_date(unit.established_on), "year": year, "latest": format_date(latest)}
        )


def upper_unit(unit: Unit, year: int) -> Unit | None:
    version = display_version(unit, year_end(year))
    return version.parent


def may_self_score(actor, unit: Unit) -> bool:
    return scope_for(actor).can_edit_members(unit)


def may_check(actor, unit: Unit, year: int) -> bool:
    return may_check_below(scope_for(actor), upper_unit(unit, year))


def may_check_below(scope: Scope, parent: Unit | None) -> bool:
    """Checking and publishing is for the keepers of the union directly above."""
    return parent is not None and scope.can_edit_members(parent)


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
    audit_changes(
        actor=actor,
        action="emulation.quality_check",
        instance=rating,
        before=before,
        target=f"{rating.unit.code} {rating.year}",
        unit=rating.unit,
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
    audit_changes(
        actor=actor,
        action="emulation.quality_publish",
        instance=rating,
        before=before,
        target=f"{rating.unit.code} {rating.year}",
        unit=rating.unit,
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


def checker_refusal() -> PermissionDenied:
    return PermissionDenied(_("Chỉ công đoàn cấp trên trực tiếp được thẩm định, công bố."))


def _require_checker(actor, rating: QualityRating) -> None:
    if not may_check(actor, rating.unit, rating.year):
        raise checker_refusal()


def _require_open(rating: QualityRating) -> None:
    if rating.status == RatingStatus.PUBLISHED:
        raise ValidationError(
            _("Kết quả năm %(year)s đã công bố và khóa; muốn sửa phải mở lại có ghi lý do.")
            % {"year": rating.year}
        )
