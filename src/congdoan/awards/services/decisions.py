"""After the council: publication of the provisional list and its objections, the decision that
awards (numbered in the issuer's yearly sequence), and revocation by a later decision."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import audit_changes, audit_record, snapshot
from congdoan.awards.issuing import issue_decision
from congdoan.awards.models import (
    Award,
    AwardDecision,
    Campaign,
    DecisionKind,
    DecisionSequence,
    Nomination,
    Objection,
    Status,
)
from congdoan.awards.permissions import require_organiser
from congdoan.awards.services.nominations import _record
from congdoan.core.text import format_date, normalize_text
from congdoan.org.models import Decision, Unit
from congdoan.org.services import DECISION_NUMBER


@transaction.atomic
def publish(*, actor, campaign: Campaign, on: date) -> Campaign:
    require_organiser(actor, campaign)
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if not campaign.council_closed_on:
        raise ValidationError(_("Hội đồng chưa kết thúc vòng xét."))
    if campaign.published_on:
        raise ValidationError(_("Danh sách đã được công khai."))
    before = snapshot(campaign)
    campaign.published_on = on
    campaign.save(update_fields=["published_on", "updated_at"])
    audit_changes(
        actor=actor,
        action="awards.publish",
        instance=campaign,
        before=before,
        unit=campaign.organiser,
        target=campaign.name,
    )
    return campaign


@transaction.atomic
def objection_record(
    *, actor, nomination: Nomination, received_on: date, raised_by: str, content: str
) -> Objection:
    nomination = Nomination.objects.select_related("campaign").get(pk=nomination.pk)
    campaign = nomination.campaign
    require_organiser(actor, campaign)
    if campaign.published_on is None:
        raise ValidationError(_("Danh sách chưa được công khai."))
    if not campaign.published_on <= received_on <= campaign.publication_ends_on:
        raise ValidationError(
            _("Phản ánh phải nhận trong thời gian công khai (%(start)s – %(end)s).")
            % {
                "start": format_date(campaign.published_on),
                "end": format_date(campaign.publication_ends_on),
            }
        )
    if nomination.status != Status.SELECTED:
        raise ValidationError(_("Hồ sơ này không có trong danh sách dự kiến."))
    raised_by, content = normalize_text(raised_by), normalize_text(content)
    if not raised_by or not content:
        raise ValidationError(_("Cần ghi người phản ánh và nội dung."))
    objection = Objection.objects.create(
        nomination=nomination, received_on=received_on, raised_by=raised_by, content=content
    )
    _record(nomination, actor, "objection", received_on, content)
    return objection


@transaction.atomic
def objection_resolve(
    *, actor, objection: Objection, upheld: bool, resolution: str, on: date
) -> Objection:
    nomination = objection.nomination
    require_organiser(actor, nomination.campaign)
    if objection.resolved_on is not None:
        raise ValidationError(_("Phản ánh này đã được giải quyết."))
    resolution = normalize_text(resolution)
    if not resolution:
        raise ValidationError(_("Cần ghi kết quả giải quyết."))
    before = snapshot(nomination)
    objection.upheld, objection.resolution, objection.resolved_on = upheld, resolution, on
    objection.save(update_fields=["upheld", "resolution", "resolved_on", "updated_at"])
    if upheld:
        nomination.status = Status.WITHDRAWN
        nomination.save(update_fields=["status", "updated_at"])
    _record(nomination, actor, "objection_resolve", on, resolution, before)
    return objection


def _take_number(issuer: Unit, year: int, suffix: str) -> tuple[int, str]:
    """The issuer's next number this year, skipping numbers already recorded elsewhere."""
    suffix = normalize_text(suffix).upper()
    DecisionSequence.objects.get_or_create(issuer=issuer, year=year)
    sequence = DecisionSequence.objects.select_for_update().get(issuer=issuer, year=year)
    while True:
        sequence.last += 1
        number = f"{sequence.last}/{suffix}"
        if not DECISION_NUMBER.match(number):
            raise ValidationError(_("Ký hiệu quyết định không đúng dạng, ví dụ: QĐ-LĐLĐ."))
        taken = Decision.objects.filter(number=number, signed_on__year=year).exists()
        if not taken:
            sequence.save(update_fields=["last"])
            return sequence.last, number


def _new_decision(campaign, *, kind, signed_on, signer, suffix, reason="") -> AwardDecision:
    signer = normalize_text(signer)
    if not signer:
        raise ValidationError(_("Thiếu người ký quyết định."))
    sequence, number = _take_number(campaign.organiser, signed_on.year, suffix)
    decision = Decision.objects.create(
        number=number, signed_on=signed_on, signer=signer, reason=reason
    )
    return AwardDecision.objects.create(
        decision=decision,
        issuer=campaign.organiser,
        campaign=campaign,
        kind=kind,
        sequence=sequence,
        year=signed_on.year,
    )


@transaction.atomic
def decide(
    *, actor, campaign: Campaign, signed_on: date, signer: str, suffix: str
) -> AwardDecision:
    """The decision that awards everyone the council selected and the publication kept."""
    require_organiser(actor, campaign)
    campaign = Campaign.objects.select_for_update().select_related("title").get(pk=campaign.pk)
    if campaign.published_on is None:
        raise ValidationError(_("Danh sách chưa được công khai."))
    if signed_on < campaign.publication_ends_on:
        raise ValidationError(
            _("Chưa hết thời gian công khai: quyết định ký từ ngày %(day)s.")
            % {"day": format_date(campaign.publication_ends_on)}
        )
    if Objection.objects.filter(nomination__campaign=campaign, resolved_on__isnull=True).exists():
        raise ValidationError(_("Còn phản ánh chưa giải quyết."))
    if campaign.decisions.filter(kind=DecisionKind.AWARD).exists():
        raise ValidationError(_("Đợt này đã có quyết định khen thưởng."))
    chosen = list(campaign.nominations.filter(status=Status.SELECTED))
    if not chosen:
        raise ValidationError(_("Không có ai trong danh sách được khen thưởng."))
    made = _new_decision(
        campaign, kind=DecisionKind.AWARD, signed_on=signed_on, signer=signer, suffix=suffix
    )
    Award.objects.bulk_create(
        [
            Award(
                nomination=n,
                campaign=campaign,
                title=campaign.title,
                person_id=n.person_id,
                unit_id=n.unit_id,
                nominating_unit_id=n.nominating_unit_id,
                decision=made,
                awarded_on=signed_on,
            )
            for n in chosen
        ],
        batch_size=1000,
    )
    campaign.nominations.filter(status=Status.SELECTED).update(status=Status.AWARDED)
    audit_record(
        actor=actor,
        action="awards.decide",
        unit=campaign.organiser,
        target=made.decision.number,
        after={"awards": len(chosen)},
    )
    issue_decision(actor=actor, made=made)
    return made


@transaction.atomic
def revoke(
    *, actor, award: Award, reason: str, signed_on: date, signer: str, suffix: str
) -> AwardDecision:
    """Revoke an award by a later decision; the award stays in history, marked."""
    award = Award.objects.select_for_update().select_related("campaign__organiser").get(pk=award.pk)
    require_organiser(actor, award.campaign)
    if award.revocation_id:
        raise ValidationError(_("Khen thưởng này đã bị thu hồi."))
    reason = normalize_text(reason)
    if not reason:
        raise ValidationError(_("Cần ghi lý do thu hồi."))
    if signed_on < award.awarded_on:
        raise ValidationError(_("Quyết định thu hồi phải ký sau quyết định khen thưởng."))
    made = _new_decision(
        award.campaign,
        kind=DecisionKind.REVOKE,
        signed_on=signed_on,
        signer=signer,
        suffix=suffix,
        reason=reason,
    )
    before = snapshot(award)
    award.revocation, award.revoked_reason = made, reason
    award.save(update_fields=["revocation", "revoked_reason", "updated_at"])
    audit_changes(
        actor=actor,
        action="awards.revoke",
        instance=award,
        before=before,
        unit=award.campaign.organiser,
        target=f"{award.holder_name} – {award.title.name}",
        extra={"decision": made.decision.number},
    )
    issue_decision(actor=actor, made=made)
    return made
