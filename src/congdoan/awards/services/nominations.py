"""Nominations: sent with a dossier within the nominating unit's allocation, then confirmed by the
Party committee (where required), approved by the upper-level union, or returned and resubmitted.
Every step is an Event and an audit entry; nothing is deleted."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from congdoan.accounts.lookups import is_at_or_under, unit_not_found
from congdoan.audit.services import audit_changes, snapshot
from congdoan.awards.eligibility import Nominee, eligibility_sheet, failures
from congdoan.awards.models import (
    ACTIVE,
    Allocation,
    Attachment,
    Award,
    Campaign,
    Check,
    Event,
    Nomination,
    Recipient,
    Status,
    Step,
)
from congdoan.awards.permissions import (
    require_nominator,
    require_organiser,
    require_upper,
)
from congdoan.awards.selectors import allocation_for, deadline, holder_step
from congdoan.core.text import format_date, normalize_text, vi_sort_key
from congdoan.members.models import Membership, Person
from congdoan.notices.services import keepers_of, notify, notify_all
from congdoan.org.models import Unit, UnitVersion
from congdoan.signing.services import check_upload


@dataclass
class Dossier:
    achievement: str
    statements: dict[int, str] = field(default_factory=dict)  # judged criterion pk -> text
    attachments: list = field(default_factory=list)  # uploaded files


MAX_FILE_BYTES = 10 * 2**20


MAX_FILES = 10


def _attach(nomination: Nomination, files: list) -> None:
    """Keep the dossier's files; too many or too large ones refuse the whole step."""
    if nomination.attachments.count() + len(files) > MAX_FILES:
        raise ValidationError(_("Mỗi hồ sơ kèm tối đa %(n)s tệp.") % {"n": MAX_FILES})
    for upload in files:
        if upload.size > MAX_FILE_BYTES:
            raise ValidationError(_("Tệp %(name)s lớn hơn 10 MB.") % {"name": upload.name[:100]})
        data = upload.read()
        content_type = getattr(upload, "content_type", "") or "application/octet-stream"
        check_upload(name=upload.name, content_type=content_type, data=data)  # a PDF: its check
        Attachment.objects.create(
            nomination=nomination,
            name=upload.name[:200],
            content_type=content_type,
            size=upload.size,
            data=data,
            sha256=hashlib.sha256(data).hexdigest(),
        )


def _record(
    nomination: Nomination, actor, action: str, on: date, note: str = "", before: dict | None = None
) -> None:
    """The nomination's history event, and in the trail the fields the step changed (all of
    them for a new nomination: `before` is the snapshot taken before the step)."""
    Event.objects.create(nomination=nomination, actor=actor, action=action, on=on, note=note)
    audit_changes(
        actor=actor,
        action=f"awards.{action}",
        instance=nomination,
        before=before or {},
        unit=nomination.nominating_unit,
        target=f"{nomination.campaign.name}: {nomination.nominee_name}",
        extra={"note": note[:200]} if note else None,
    )


def _require_before(campaign: Campaign, step: str, on: date) -> None:
    limit = deadline(campaign, step)
    if limit is not None and on > limit:
        raise ValidationError(
            _("Đã quá hạn bước “%(step)s” (%(day)s).")
            % {"step": Step(step).label, "day": format_date(limit)}
        )


def _lock_slot(campaign: Campaign, unit: Unit) -> Allocation:
    allocation = allocation_for(campaign, unit)
    if allocation is None:
        raise ValidationError(_("Đơn vị không được giao chỉ tiêu trong đợt này."))
    allocation = Allocation.objects.select_for_update().get(pk=allocation.pk)
    used = Nomination.objects.filter(allocation=allocation, status__in=ACTIVE).count()
    if used >= allocation.quota:
        raise ValidationError(
            _("Đã hết chỉ tiêu của đơn vị (%(used)s/%(quota)s).")
            % {"used": used, "quota": allocation.quota}
        )
    return allocation


def _belongs_below(person: Person, unit: Unit, day: date) -> bool:
    top = UnitVersion.objects.valid_on(day).filter(unit=unit).first()
    if top is None:
        return False
    below = UnitVersion.objects.valid_on(day).filter(path__startswith=top.path)
    return (
        Membership.objects.filter(person=person, started_on__lte=day)
        .exclude(ended_on__lte=day)
        .filter(unit_id__in=below.values("unit_id"))
        .exists()
    )


def _check_nominee(nominee: Nominee, from_unit: Unit) -> None:
    campaign = nominee.campaign
    if (campaign.title.recipient == Recipient.PERSON) != (nominee.person is not None):
        raise ValidationError(_("Danh hiệu này không tặng cho đối tượng này."))
    duplicate = Nomination.objects.filter(campaign=campaign)
    duplicate = duplicate.filter(
        **({"person": nominee.person} if nominee.person else {"unit": nominee.unit})
    )
    if duplicate.exists():
        raise ValidationError(_("Đối tượng này đã được đề nghị trong đợt này."))
    if nominee.source_award is not None:
        return  # the pool's rule (in_pool) checks where it comes from
    if nominee.person is not None and not _belongs_below(nominee.person, from_unit, nominee.on):
        raise ValidationError(
            _(
                "Đoàn viên %(code)s không sinh hoạt ở đơn vị đề nghị (hoặc đơn vị trực thuộc) "
                "vào ngày xét."
            )
            % {"code": nominee.person.code}
        )
    if nominee.unit is not None and not is_at_or_under(nominee.unit, from_unit):
        raise unit_not_found(nominee.unit.code)  # a collective under the nominating unit only


def _write_sheet(nomination: Nomination, lines) -> None:
    nomination.checks.all().delete()  # the sheet is rewritten on resubmission; events keep history
    Check.objects.bulk_create(
        Check(
            nomination=nomination,
            criterion=line.criterion,
            passed=line.passed,
            evidence=line.evidence,
        )
        for line in lines
    )


@transaction.atomic
def nominate(
    *,
    actor,
    campaign: Campaign,
    from_unit: Unit,
    dossier: Dossier,
    on: date,
    person: Person | None = None,
    unit: Unit | None = None,
    source_award: Award | None = None,
) -> Nomination:
    """Send one nomination; refused (naming the reason) when late, ineligible, duplicate or over
    the allocation. The allocation row is locked so the last slot goes to one officer only."""
    require_nominator(actor, from_unit)
    _require_before(campaign, Step.NOMINATE, on)
    if not normalize_text(dossier.achievement):
        raise ValidationError(_("Thiếu báo cáo thành tích."))
    if source_award is not None:  # read afresh: it may have been revoked since
        source_award = Award.objects.select_related("campaign", "decision__decision").get(
            pk=source_award.pk
        )
        person, unit = source_award.person, source_award.unit
    nominee = Nominee(campaign, person=person, unit=unit, source_award=source_award)
    _check_nominee(nominee, from_unit)
    lines = eligibility_sheet(nominee, dossier.statements)
    reasons = failures(lines)
    if reasons:
        raise ValidationError(
            _("Không đủ tiêu chuẩn: %(reasons)s") % {"reasons": "; ".join(reasons)}
        )
    allocation = _lock_slot(campaign, from_unit)
    try:
        with transaction.atomic():
            nomination = Nomination.objects.create(
                campaign=campaign,
                person=person,
                unit=unit,
                nominating_unit=from_unit,
                allocation=allocation,
                status=Status.SUBMITTED,
                achievement=normalize_text(dossier.achievement),
                source_award=source_award,
                sort_key=person.sort_key if person else vi_sort_key(str(unit)),
            )
    except IntegrityError:
        raise ValidationError(_("Đối tượng này đã được đề nghị trong đợt này.")) from None
    _write_sheet(nomination, lines)
    _attach(nomination, dossier.attachments)
    _record(nomination, actor, "submit", on)
    return nomination


def _locked(nomination: Nomination) -> Nomination:
    return (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("campaign", "nominating_unit", "person")
        .get(pk=nomination.pk)
    )


def _require_status(nomination: Nomination, *allowed: str) -> None:
    if nomination.status not in allowed:
        raise ValidationError(
            _("Hồ sơ đang ở trạng thái “%(status)s”, không làm được bước này.")
            % {"status": nomination.get_status_display()}
        )


def _save_status(nomination: Nomination, status: str, *fields: str) -> None:
    nomination.status = status
    nomination.save(update_fields=["status", "updated_at", *fields])


@transaction.atomic
def party_confirm(
    *, actor, nomination: Nomination, committee: str, document: str, on: date
) -> Nomination:
    """Record the Party committee's confirmation (who confirmed, with which paper)."""
    nomination = _locked(nomination)
    before = snapshot(nomination)
    require_nominator(actor, nomination.nominating_unit)
    _require_status(nomination, Status.SUBMITTED)
    if not nomination.campaign.requires_party_confirmation:
        raise ValidationError(_("Đợt này không cần cấp ủy xác nhận."))
    _require_before(nomination.campaign, Step.PARTY, on)
    committee, document = normalize_text(committee), normalize_text(document)
    if not committee or not document:
        raise ValidationError(_("Cần ghi cấp ủy xác nhận và số văn bản."))
    nomination.party_confirmed_by, nomination.party_document = committee, document
    _save_status(nomination, Status.PARTY_CONFIRMED, "party_confirmed_by", "party_document")
    _record(nomination, actor, "party_confirm", on, f"{committee} – {document}", before)
    return nomination


@transaction.atomic
def upper_approve(*, actor, nomination: Nomination, on: date) -> Nomination:
    nomination = _locked(nomination)
    before = snapshot(nomination)
    require_upper(actor, nomination)
    ready = (
        Status.PARTY_CONFIRMED
        if nomination.campaign.requires_party_confirmation
        else (Status.SUBMITTED)
    )
    _require_status(nomination, ready)
    _require_before(nomination.campaign, Step.UPPER, on)
    _save_status(nomination, Status.UPPER_APPROVED)
    _record(nomination, actor, "upper_approve", on, before=before)
    return nomination


@transaction.atomic
def nomination_return(*, actor, nomination: Nomination, reason: str, on: date) -> Nomination:
    """Send the nomination back to its unit with a reason, from whichever step holds it."""
    nomination = _locked(nomination)
    before = snapshot(nomination)
    _require_status(nomination, Status.SUBMITTED, Status.PARTY_CONFIRMED, Status.UPPER_APPROVED)
    step = holder_step(nomination)
    if step == Step.COUNCIL:
        require_organiser(actor, nomination.campaign)
        if nomination.campaign.council_closed_on:
            raise ValidationError(_("Hội đồng đã kết thúc vòng xét."))
    elif step == Step.PARTY:
        require_nominator(actor, nomination.nominating_unit)
    else:
        require_upper(actor, nomination)
    reason = normalize_text(reason)
    if not reason:
        raise ValidationError(_("Cần ghi lý do trả lại."))
    nomination.returned_reason, nomination.returned_from = reason, step
    _save_status(nomination, Status.RETURNED, "returned_reason", "returned_from")
    _record(nomination, actor, "return", on, reason, before)
    _tell_nominator(nomination, actor, reason)
    return nomination


def _tell_nominator(nomination: Nomination, actor, reason: str) -> None:
    """Whoever last sent the nomination learns it came back; a nomination sent by no one (the
    campaign's proposals) tells the nominating unit's keepers."""
    title = _("Hồ sơ đề nghị %(name)s được trả lại: %(reason)s") % {
        "name": nomination.nominee_name,
        "reason": reason,
    }
    link = reverse("awards:nomination", args=[nomination.pk])
    sent = (
        nomination.events.filter(action__in=["submit", "resubmit"], actor__isnull=False)
        .select_related("actor")
        .order_by("-at", "-pk")
        .first()
    )
    if sent is not None:
        if sent.actor_id != actor.pk:
            notify(user=sent.actor, title=title, link=link)
        return
    keepers = keepers_of(nomination.nominating_unit).exclude(pk=actor.pk)
    notify_all(keepers, title=title, link=link)


@transaction.atomic
def nomination_resubmit(*, actor, nomination: Nomination, dossier: Dossier, on: date) -> Nomination:
    """Send a returned nomination again, with its dossier completed; the sheet is checked again."""
    nomination = _locked(nomination)
    before = snapshot(nomination)
    require_nominator(actor, nomination.nominating_unit)
    _require_status(nomination, Status.RETURNED)
    _require_before(nomination.campaign, nomination.returned_from or Step.NOMINATE, on)
    if not normalize_text(dossier.achievement):
        raise ValidationError(_("Thiếu báo cáo thành tích."))
    nominee = Nominee(
        nomination.campaign, nomination.person, nomination.unit, nomination.source_award
    )
    lines = eligibility_sheet(nominee, dossier.statements)
    reasons = failures(lines)
    if reasons:
        raise ValidationError(
            _("Không đủ tiêu chuẩn: %(reasons)s") % {"reasons": "; ".join(reasons)}
        )
    nomination.achievement = normalize_text(dossier.achievement)
    status = Status.SUBMITTED
    if nomination.returned_from == Step.COUNCIL:
        status = Status.UPPER_APPROVED  # already confirmed below; back to the council
    _save_status(nomination, status, "achievement")
    _write_sheet(nomination, lines)
    _attach(nomination, dossier.attachments)
    _record(nomination, actor, "resubmit", on, before=before)
    return nomination
