"""Nomination and result pages: a nomination's sheet and climb, its steps, the council's round,
publication and objections, the decision and its papers, certificates, revocation, history."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.awards.access import (
    council_campaign,
    organised_campaign,
    organised_objection,
    readable_award,
    readable_campaign,
    readable_nomination,
)
from congdoan.awards.forms import DecideForm, ExclusionForm, RevokeForm
from congdoan.awards.issuing import decision_paper as stored_decision
from congdoan.awards.issuing import (
    issue_certificate,
    may_sign_minutes,
    minutes_issue,
    minutes_paper,
    minutes_to_sign,
)
from congdoan.awards.models import Attachment, AwardDecision, Exclusion, Rule, Status
from congdoan.awards.papers import certificate_pdf, decision_document, minutes_document
from congdoan.awards.permissions import council_seat, may_organise, may_run_council
from congdoan.awards.selectors import can_act, council_progress, person_awards, ranked, unit_awards
from congdoan.awards.services import council, decisions, nominations
from congdoan.awards.services.exclusions import exclusion_record
from congdoan.awards.services.nominations import Dossier
from congdoan.awards.services.proposals import nominate_from_proposals
from congdoan.core.documents import download
from congdoan.core.form_service import done, refusal_text, run_form_service
from congdoan.core.http import file_response
from congdoan.members.access import keeps, kept_person, readable_person
from congdoan.org.access import readable_unit
from congdoan.org.selectors import display_version
from congdoan.signing.selectors import checked_files, paper_finding


@login_required
def nomination_detail(request, pk: int):
    nomination = readable_nomination(request, pk)
    campaign = nomination.campaign
    seat = council_seat(request.user, campaign)
    context = {
        "nomination": nomination,
        "campaign": campaign,
        "checks": nomination.checks.select_related("criterion"),
        "attachments": checked_files(
            nomination.attachments.only("pk", "name", "size", "content_type", "sha256")
        ),
        "events": nomination.events.select_related("actor"),
        "objections": nomination.objections.all(),
        "can": can_act(request.user, nomination),
        "seat": seat,
        "my_score": nomination.scores.filter(member=seat).first() if seat else None,
        "may_organise": may_organise(request.user, campaign),
        "judged": campaign.criteria.filter(rule=Rule.JUDGED),
        "from_unit": display_version(nomination.nominating_unit, campaign.reference_on),
    }
    return render(request, "awards/nomination.html", context)


def _step(request, nomination, step: str):
    post, on, user = request.POST, timezone.localdate(), request.user
    if step == "party_confirm":
        return nominations.party_confirm(
            actor=user,
            nomination=nomination,
            on=on,
            committee=post.get("committee", ""),
            document=post.get("document", ""),
        )
    if step == "upper_approve":
        return nominations.upper_approve(actor=user, nomination=nomination, on=on)
    if step == "return":
        return nominations.nomination_return(
            actor=user, nomination=nomination, on=on, reason=post.get("reason", "")
        )
    if step == "resubmit":
        statements = {
            c.pk: post.get(f"judged_{c.pk}", "")
            for c in nomination.campaign.criteria.filter(rule=Rule.JUDGED)
        }
        files = request.FILES.getlist("attachment")
        dossier = Dossier(post.get("achievement", ""), statements, files)
        return nominations.nomination_resubmit(
            actor=user, nomination=nomination, on=on, dossier=dossier
        )
    if step == "score":
        return council.score_give(
            actor=user, nomination=nomination, on=on, points=post.get("points", "")
        )
    if step == "recuse":
        return council.recuse(
            actor=user, nomination=nomination, on=on, reason=post.get("reason", "")
        )
    if step == "objection":
        received, _ok = _posted_day(post.get("received_on"))
        return decisions.objection_record(
            actor=user,
            nomination=nomination,
            received_on=received,
            raised_by=post.get("raised_by", ""),
            content=post.get("content", ""),
        )
    raise Http404


def _posted_day(value):
    from congdoan.core.dates import day_from

    return day_from(value)


STEPS = ["party_confirm", "upper_approve", "return", "resubmit", "score", "recuse", "objection"]


@login_required
@require_POST
def nomination_step(request, pk: int, step: str):
    nomination = readable_nomination(request, pk)
    try:
        _step(request, nomination, step)
        messages.success(request, _("Đã ghi."))
    except ValidationError as error:
        messages.error(request, refusal_text(error))
    return redirect("awards:nomination", pk=nomination.pk)


@login_required
def attachment(request, pk: int):
    """A dossier file, for whoever may read the nomination."""
    found = get_object_or_404(Attachment, pk=pk)
    readable_nomination(request, found.nomination_id)
    return file_response(bytes(found.data), found.content_type, found.name)


@login_required
def council_page(request, pk: int):
    campaign = council_campaign(request, pk)
    rows = ranked(campaign)[:500]
    signed = minutes_paper(campaign) if campaign.council_closed_on else None
    return render(
        request,
        "awards/council.html",
        {
            "campaign": campaign,
            "rows": rows,
            "progress": council_progress(campaign),
            "may_close": may_run_council(request.user, campaign),
            "seat": council_seat(request.user, campaign),
            "minutes_paper": signed,
            "minutes_check": paper_finding(signed),
            "may_sign_minutes": signed is None and may_sign_minutes(request.user, campaign),
        },
    )


@login_required
@require_POST
def council_close(request, pk: int):
    campaign = readable_campaign(request, pk)
    try:
        council.council_close(actor=request.user, campaign=campaign, on=timezone.localdate())
        messages.success(request, _("Đã kết thúc vòng xét."))
    except ValidationError as error:
        messages.error(request, refusal_text(error))
    return redirect("awards:council", pk=campaign.pk)


@login_required
def minutes(request, pk: int, kind: str):
    campaign = council_campaign(request, pk)
    if not campaign.council_closed_on:
        raise Http404
    signed = minutes_paper(campaign) if kind == "pdf" else None
    if signed is not None:  # the minutes as signed, byte for byte
        name = minutes_document(campaign, []).filename("pdf")
        return file_response(bytes(signed.data), "application/pdf", name)
    document = minutes_document(campaign, ranked(campaign))
    # Minutes the organiser will sign are a draft until signed; the Word file is a working copy.
    document.draft = kind == "pdf" and minutes_to_sign(campaign)
    return download(document, kind)


@login_required
@require_POST
def minutes_sign(request, pk: int):
    campaign = organised_campaign(request, pk)
    try:
        minutes_issue(actor=request.user, campaign=campaign)
        messages.success(request, _("Đã ký số biên bản họp hội đồng."))
    except ValidationError as error:
        messages.error(request, refusal_text(error))
    return redirect("awards:council", pk=campaign.pk)


@login_required
@require_POST
def publish(request, pk: int):
    campaign = organised_campaign(request, pk)
    try:
        decisions.publish(actor=request.user, campaign=campaign, on=timezone.localdate())
        messages.success(request, _("Đã công khai danh sách dự kiến."))
    except ValidationError as error:
        messages.error(request, refusal_text(error))
    return redirect("awards:campaign", pk=campaign.pk)


@login_required
@require_POST
def take_proposals(request, pk: int):
    campaign = organised_campaign(request, pk)
    try:
        made = nominate_from_proposals(
            actor=request.user, campaign=campaign, on=timezone.localdate()
        )
        messages.success(request, _("Đã nhận %(n)s đề nghị của cụm, khối.") % {"n": len(made)})
    except ValidationError as error:
        messages.error(request, refusal_text(error))
    return redirect("awards:campaign", pk=campaign.pk)


@login_required
@require_POST
def objection_resolve(request, pk: int):
    objection = organised_objection(request, pk)
    try:
        decisions.objection_resolve(
            actor=request.user,
            objection=objection,
            upheld=request.POST.get("upheld") == "1",
            resolution=request.POST.get("resolution", ""),
            on=timezone.localdate(),
        )
        messages.success(request, _("Đã ghi kết quả giải quyết."))
    except ValidationError as error:
        messages.error(request, refusal_text(error))
    return redirect("awards:nomination", pk=objection.nomination_id)


@login_required
def decide(request, pk: int):
    campaign = organised_campaign(request, pk)
    form = DecideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _result = run_form_service(
            form,
            lambda: decisions.decide(actor=request.user, campaign=campaign, **form.cleaned_data),
        )
        if ok:
            return done(
                request, _("Đã ra quyết định khen thưởng."), "awards:campaign", pk=campaign.pk
            )
    selected = campaign.nominations.filter(status=Status.SELECTED).count()
    return render(
        request, "awards/decide.html", {"campaign": campaign, "form": form, "selected": selected}
    )


@login_required
def decision_paper(request, pk: int, kind: str):
    made = get_object_or_404(AwardDecision.objects.select_related("decision", "campaign"), pk=pk)
    readable_campaign(request, made.campaign_id)
    stored = stored_decision(made) if kind == "pdf" else None
    if stored is not None:  # the PDF as issued (signed), byte for byte
        document = decision_document(made)
        return file_response(bytes(stored.data), "application/pdf", document.filename("pdf"))
    return download(decision_document(made), kind)


@login_required
def certificate(request, pk: int):
    award = readable_award(request, pk)
    if award.revoked:
        messages.error(request, _("Khen thưởng này đã bị thu hồi; không cấp giấy chứng nhận."))
        return redirect("awards:nomination", pk=award.nomination_id)
    url = request.build_absolute_uri(reverse("awards:verify", args=[award.token]))
    try:
        stored = issue_certificate(actor=request.user, award=award, verify_url=url)
    except ValidationError as error:
        messages.error(request, refusal_text(error))
        return redirect("awards:nomination", pk=award.nomination_id)
    body = bytes(stored.data) if stored is not None else certificate_pdf(award, url)
    return file_response(body, "application/pdf", f"chung-nhan-{award.pk}.pdf", inline=True)


@login_required
def revoke(request, pk: int):
    award = readable_award(request, pk)
    if not may_organise(request.user, award.campaign):
        raise PermissionDenied(_("Chỉ đơn vị đã khen thưởng được thu hồi."))
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _result = run_form_service(
            form, lambda: decisions.revoke(actor=request.user, award=award, **form.cleaned_data)
        )
        if ok:
            return done(
                request, _("Đã thu hồi khen thưởng."), "awards:campaign", pk=award.campaign_id
            )
    return render(request, "awards/revoke.html", {"award": award, "form": form})


@login_required
def person_history(request, pk: int):
    person = readable_person(request, pk)
    context = {
        "name": person.full_name,
        "awards": person_awards(person),
        "person": person,
        "exclusions": Exclusion.objects.filter(person=person).order_by("-starts_on"),
        "can_keep": keeps(request, person),
    }
    return render(request, "awards/history.html", context)


@login_required
def exclusion_new(request, pk: int):
    person = kept_person(request, pk)
    form = ExclusionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _result = run_form_service(
            form, lambda: exclusion_record(actor=request.user, person=person, **form.cleaned_data)
        )
        if ok:
            return done(request, _("Đã ghi trường hợp loại trừ."), "awards:person", pk=person.pk)
    return render(request, "awards/exclusion.html", {"person": person, "form": form})


@login_required
def unit_history(request, pk: int):
    unit = readable_unit(request, pk)
    version = display_version(unit, timezone.localdate())
    return render(
        request,
        "awards/history.html",
        {"name": version.name, "awards": unit_awards(unit)[:1000], "unit": unit},
    )
