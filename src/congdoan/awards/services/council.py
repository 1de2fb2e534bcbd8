"""The emulation council: members score or recuse themselves, the secretary closes the round.
One transaction per use case, the seat checked, audited."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import audit_changes, audit_record, snapshot
from congdoan.awards.issuing import issue_minutes_at_close
from congdoan.awards.models import Campaign, Nomination, Score, Status, Step
from congdoan.awards.permissions import require_council_member, require_secretary
from congdoan.awards.selectors import council_progress, ranked
from congdoan.awards.services.nominations import _record, _require_before
from congdoan.core.text import normalize_text


def _open_for_scores(nomination: Nomination, on: date) -> None:
    if nomination.campaign.council_closed_on:
        raise ValidationError(_("Hội đồng đã kết thúc vòng xét."))
    if nomination.status != Status.UPPER_APPROVED:
        raise ValidationError(_("Hồ sơ chưa được cấp trên chuyển lên hội đồng."))
    _require_before(nomination.campaign, Step.COUNCIL, on)


def _points(value, score_max: int) -> Decimal:
    try:
        points = Decimal(str(value).replace(",", "."))
    except (InvalidOperation, ValueError):
        points = Decimal(-1)
    if not points.is_finite() or not 0 <= points <= score_max:
        raise ValidationError(_("Điểm phải là số từ 0 đến %(max)s.") % {"max": score_max})
    return points.quantize(Decimal("0.01"))


@transaction.atomic
def score_give(*, actor, nomination: Nomination, points, on: date) -> Score:
    seat = require_council_member(actor, nomination.campaign)
    _open_for_scores(nomination, on)
    value = _points(points, nomination.campaign.score_max)
    existing = Score.objects.filter(nomination=nomination, member=seat).first()
    if existing is not None and existing.recused:
        raise ValidationError(_("Bạn đã tự rút khỏi việc xét hồ sơ này."))
    before = snapshot(existing, ["points", "recused"]) if existing else {}
    score, _created = Score.objects.update_or_create(
        nomination=nomination, member=seat, defaults={"points": value, "recused": False}
    )
    audit_changes(
        actor=actor,
        action="awards.score",
        instance=score,
        before=before,
        fields=["points", "recused"],
        unit=nomination.nominating_unit,
        target=f"{nomination.campaign.name}: {nomination.nominee_name}",
    )
    return score


@transaction.atomic
def recuse(*, actor, nomination: Nomination, reason: str, on: date) -> Score:
    """Declare a conflict of interest: any score given is withdrawn and not averaged."""
    seat = require_council_member(actor, nomination.campaign)
    _open_for_scores(nomination, on)
    reason = normalize_text(reason)
    if not reason:
        raise ValidationError(_("Cần nêu lý do xung đột lợi ích."))
    score, _created = Score.objects.update_or_create(
        nomination=nomination,
        member=seat,
        defaults={"points": None, "recused": True, "note": reason[:300]},
    )
    _record(nomination, actor, "recuse", on, reason)
    return score


@transaction.atomic
def council_close(*, actor, campaign: Campaign, on: date) -> list[Nomination]:
    """Close the round: rank by average, select up to the quota at or above the pass score."""
    require_secretary(actor, campaign)
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.council_closed_on:
        raise ValidationError(_("Vòng xét đã kết thúc."))
    progress = council_progress(campaign)
    if progress.seats == 0:
        raise ValidationError(_("Hội đồng chưa có thành viên."))
    if progress.nominations == 0:
        raise ValidationError(_("Chưa có hồ sơ nào trước hội đồng."))
    if progress.missing:
        raise ValidationError(
            _("Còn %(n)s lượt chấm chưa có; chưa thể kết thúc vòng xét.") % {"n": progress.missing}
        )
    rows = ranked(campaign)
    selected = 0
    for rank, row in enumerate(rows, start=1):
        passes = row.mean is not None and row.mean >= campaign.pass_score
        chosen = passes and selected < campaign.quota
        selected += chosen
        row.rank = rank
        row.status = Status.SELECTED if chosen else Status.NOT_SELECTED
    Nomination.objects.bulk_update(
        [Nomination(pk=r.pk, rank=r.rank, average=r.mean, status=r.status) for r in rows],
        ["rank", "average", "status"],
        batch_size=1000,
    )
    campaign.council_closed_on = on
    campaign.save(update_fields=["council_closed_on", "updated_at"])
    audit_record(
        actor=actor,
        action="awards.council_close",
        unit=campaign.organiser,
        target=campaign.name,
        after={"ranked": len(rows), "selected": selected},
    )
    issue_minutes_at_close(actor=actor, campaign=campaign)
    return rows
