"""Many grassroots unions of one year rated at once: the upper level records results it has
agreed with each union (self-score = checked score) and publishes them together. The rules are
the single path's (services/quality.py): who may rate, the 12-month / 6-month rule, the card in
force, the points, the evidence and the class; only the reads and writes are done for all at
once."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.audit.models import AuditEntry
from congdoan.audit.services import build_entry, prime_unit_names
from congdoan.emulation.models import QualityRating, RatingEntry, RatingStatus
from congdoan.emulation.permissions import checker_refusal, may_check_below
from congdoan.emulation.selectors import Plan, Slot, rating_plan
from congdoan.emulation.services.quality import self_entries, self_result
from congdoan.org.models import Unit

Scores = Mapping[Unit, tuple[dict[int, Decimal | None], dict[int, str]]]


@transaction.atomic
def ratings_publish_many(*, actor, year: int, scores: Scores, on: date) -> list[QualityRating]:
    """Rate and publish the unions (points and evidence per union) for the year, all or none."""
    plan = rating_plan(scores, year)
    _require_rater(actor, plan)
    if plan.refusals:
        raise ValidationError(_named(scores, plan.refusals))
    _require_unrated(plan, year)
    results, errors = {}, {}
    for slot in plan.slots:
        points, evidence = scores[slot.unit]
        try:
            results[slot.unit.pk] = self_result(slot.card, points, evidence)
        except ValidationError as error:
            errors[slot.unit.pk] = error.messages
    if errors:
        raise ValidationError(_named(scores, errors))
    ratings = QualityRating.objects.bulk_create(
        _published(slot, year, *results[slot.unit.pk], on) for slot in plan.slots
    )
    RatingEntry.objects.bulk_create(
        (
            entry
            for slot, rating in zip(plan.slots, ratings, strict=True)
            for entry in self_entries(rating, slot.card, *scores[slot.unit])
        ),
        batch_size=2_000,
    )
    _audit(actor, plan, ratings)
    return ratings


def _require_rater(actor, plan: Plan) -> None:
    """Each union must be one the actor may self-score and check, as on the single path."""
    scope = scope_for(actor)
    for slot in plan.slots:
        if not (scope.can_edit_members(slot.unit) and may_check_below(scope, slot.version.parent)):
            raise checker_refusal()


def _require_unrated(plan: Plan, year: int) -> None:
    rated = (
        QualityRating.objects.select_for_update()
        .filter(year=year, unit__in=[slot.unit for slot in plan.slots])
        .values_list("unit__code", flat=True)
    )
    codes = sorted(rated)
    if codes:
        raise ValidationError(
            _("Đã có kết quả xếp loại năm %(year)s: %(codes)s.")
            % {"year": year, "codes": ", ".join(codes)}
        )


def _named(scores: Scores, problems: dict[int, list[str]]) -> list[str]:
    codes = {unit.pk: unit.code for unit in scores}
    return [f"{codes[pk]}: {message}" for pk, messages in problems.items() for message in messages]


def _published(slot: Slot, year: int, value: Decimal, klass: str, on: date) -> QualityRating:
    return QualityRating(
        unit=slot.unit,
        year=year,
        scorecard=slot.card.scorecard,
        status=RatingStatus.PUBLISHED,
        self_total=value,
        total=value,
        klass=klass,
        published_on=on,
    )


def _audit(actor, plan: Plan, ratings: list[QualityRating]) -> None:
    """One entry per union, as its own self-score, check and publication would say together."""
    prime_unit_names(slot.unit for slot in plan.slots)
    AuditEntry.objects.bulk_create(
        build_entry(
            actor=actor,
            action="emulation.quality_publish_many",
            target=f"{rating.unit.code} {rating.year}",
            unit=rating.unit,
            object_type="emulation.qualityrating",
            before={},
            after={
                "total": str(rating.total),
                "class": rating.klass,
                "status": rating.status,
                "published_on": rating.published_on.isoformat(),
            },
        )
        for rating in ratings
    )
