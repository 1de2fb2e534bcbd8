"""Campaign pages: the list and catalogue, a new campaign, a campaign's page, nominating (one by
one or from a lower campaign's winners), counts by title and the public certificate check."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.accounts.scope import scope_for
from congdoan.awards.access import may_see_council, readable_campaign
from congdoan.awards.forms import CampaignForm, NominateForm
from congdoan.awards.models import Award, Campaign, Rule, Status, Title
from congdoan.awards.permissions import may_organise
from congdoan.awards.selectors import (
    council_progress,
    counts_by_title,
    nominating_units,
    open_proposals,
    visible_campaigns,
    visible_nominations,
)
from congdoan.awards.services.campaigns import CampaignInput, campaign_create
from congdoan.awards.services.nominations import Dossier, nominate
from congdoan.core.form_service import done, refusal_text, run_form_service
from congdoan.core.params import QueryParams, optional_int
from congdoan.org.access import org_editable_unit, readable_unit
from congdoan.org.models import Level
from congdoan.org.selectors import display_version, name_units
from congdoan.signing.models import PaperKind
from congdoan.signing.selectors import paper, paper_finding

LIST_LIMIT = 500


@login_required
def campaigns(request):
    rows = visible_campaigns(scope_for(request.user)).annotate(
        sent=Count("nominations", distinct=True), awarded=Count("awards", distinct=True)
    )
    return render(request, "awards/campaigns.html", {"campaigns": rows})


@login_required
def catalogue(request):
    return render(request, "awards/catalogue.html", {"titles": Title.objects.all()})


@login_required
def campaign_new(request, pk: int):
    unit = org_editable_unit(request, pk)
    form = CampaignForm(request.POST or None, organiser=unit, scope=scope_for(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        payload = CampaignInput(
            name=data["name"],
            purpose=data["purpose"],
            title=data["title"],
            year=data["year"],
            reference_on=data["reference_on"],
            quota=data["quota"],
            deadlines=form.deadlines(),
            requires_party_confirmation=data["requires_party_confirmation"],
            publication_days=data["publication_days"],
            score_max=data["score_max"],
            pass_score=data["pass_score"],
            allocations=data["allocations"],
            criteria=form.criteria(),
            pool_title=data["pool_title"],
            council=form.council_seats(),
        )
        ok, campaign = run_form_service(
            form, lambda: campaign_create(actor=request.user, organiser=unit, data=payload)
        )
        if ok:
            return done(request, _("Đã tạo đợt khen thưởng."), "awards:campaign", pk=campaign.pk)
    version = display_version(unit, timezone.localdate())
    return render(request, "awards/campaign_new.html", {"form": form, "version": version})


@login_required
def campaign_detail(request, pk: int):
    campaign = readable_campaign(request, pk)
    scope = scope_for(request.user)
    nominations = visible_nominations(scope, campaign)
    allocations = list(
        campaign.allocations.select_related("unit").annotate(
            used=Count("nomination", filter=Q(nomination__status__in=_active()))
        )
    )
    shown = list(nominations[:LIST_LIMIT])
    proposals = open_proposals(campaign) if may_organise(request.user, campaign) else []
    name_units(  # units by name, not code: one query
        [a.unit for a in allocations]
        + [unit for n in shown for unit in (n.unit, n.nominating_unit)]
        + [p.unit for p in proposals]
    )
    context = {
        "campaign": campaign,
        "organiser": display_version(campaign.organiser, campaign.reference_on),
        "stages": campaign.stages.all(),
        "criteria": campaign.criteria.all(),
        "allocations": allocations,
        "nominations": shown,
        "by_status": [
            (Status(status).label, n)
            for status, n in nominations.order_by().values_list("status").annotate(n=Count("pk"))
        ],
        "decisions": campaign.decisions.select_related("decision"),
        "may_organise": may_organise(request.user, campaign),
        "may_see_council": may_see_council(request.user, campaign),
        "may_nominate": nominating_units(scope_for(request.user), campaign).exists(),
        "progress": council_progress(campaign),
        "pool": _pool(request.user, campaign),
        "proposals": proposals,
    }
    return render(request, "awards/campaign.html", context)


def _active():
    from congdoan.awards.models import ACTIVE

    return ACTIVE


def _pool(user, campaign: Campaign):
    """The lower campaign's awards this user's units may put forward, not yet nominated."""
    if campaign.pool_title_id is None:
        return []
    units = nominating_units(scope_for(user), campaign)
    taken = campaign.nominations.exclude(source_award=None).values("source_award_id")
    return list(
        Award.objects.filter(title=campaign.pool_title_id, campaign__year=campaign.year)
        .filter(revocation__isnull=True, campaign__organiser__in=units)
        .exclude(pk__in=taken)
        .select_related("person")
        .order_by("nomination__sort_key")[:LIST_LIMIT]
    )


@login_required
def campaign_nominate(request, pk: int):
    campaign = readable_campaign(request, pk)
    units = nominating_units(scope_for(request.user), campaign)
    if not units.exists():
        raise PermissionDenied(_("Bạn không giữ đơn vị nào được giao chỉ tiêu trong đợt này."))
    judged = campaign.criteria.filter(rule=Rule.JUDGED)
    form = NominateForm(
        request.POST or None,
        request.FILES or None,
        units=units,
        judged=judged,
        scope=scope_for(request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        files = [data["attachment"]] if data["attachment"] else []
        dossier = Dossier(data["achievement"], form.statements(), files)
        ok, nomination = run_form_service(
            form,
            lambda: nominate(
                actor=request.user,
                campaign=campaign,
                from_unit=data["from_unit"],
                person=data.get("person"),
                unit=data.get("unit"),
                dossier=dossier,
                on=timezone.localdate(),
            ),
        )
        if ok:
            return done(request, _("Đã gửi hồ sơ đề nghị."), "awards:nomination", pk=nomination.pk)
    return render(request, "awards/nominate.html", {"campaign": campaign, "form": form})


@login_required
@require_POST
def campaign_pool_nominate(request, pk: int):
    """Put forward the chosen winners of the lower campaign, without retyping."""
    campaign = readable_campaign(request, pk)
    units = list(nominating_units(scope_for(request.user), campaign))
    if not units:
        raise PermissionDenied(_("Bạn không giữ đơn vị nào được giao chỉ tiêu trong đợt này."))
    chosen = {a.pk: a for a in _pool(request.user, campaign)}
    picked = [
        chosen[pk] for v in request.POST.getlist("award") if (pk := optional_int(v)) in chosen
    ]
    if not picked:
        messages.error(request, _("Chọn ít nhất một người trong danh sách."))
    by_unit = {u.pk: u for u in units}
    sent = 0
    for award in picked:
        try:
            nominate(
                actor=request.user,
                campaign=campaign,
                from_unit=by_unit[award.campaign.organiser_id],
                source_award=award,
                dossier=Dossier(award.nomination.achievement),
                on=timezone.localdate(),
            )
            sent += 1
        except ValidationError as error:
            messages.error(request, f"{award.holder_name}: {refusal_text(error)}")
            break
    if sent:
        messages.success(request, _("Đã đề nghị %(n)s người.") % {"n": sent})
    return redirect("awards:campaign", pk=campaign.pk)


@login_required
def report(request):
    scope = scope_for(request.user)
    params = QueryParams(request)
    end = params.day("end", label=_("Đến ngày")) or timezone.localdate()
    start = params.day("start", label=_("Từ ngày")) or date(end.year, 1, 1)
    unit_id = params.integer("unit", label=_("Đơn vị"))
    unit = readable_unit(request, unit_id) if unit_id is not None else None
    as_of = params.day("as_of", label=_("Theo cơ cấu tổ chức ngày"))  # a report's structure day
    found = counts_by_title(
        scope, start=min(start, end), end=max(start, end), unit=unit, as_of=as_of
    )
    rows = [{**row, "level": Level(row["title__awarded_by"]).label} for row in found]
    return render(
        request,
        "awards/report.html",
        {
            "rows": rows,
            "start": min(start, end),
            "end": max(start, end),
            "unit": unit,
            "version": display_version(unit, as_of or end) if unit else None,
            "as_of": as_of,
        },
    )


def verify(request, token):
    """Public: valid or revoked, with name, title and decision only."""
    award = get_object_or_404(
        Award.objects.select_related(
            "title", "campaign", "person", "decision__decision", "revocation__decision"
        ),
        token=token,
    )
    name = (
        award.person.full_name
        if award.person_id
        else display_version(award.unit, award.awarded_on).name
    )
    certificate = paper(PaperKind.CERTIFICATE, award.pk)
    decision = paper(PaperKind.DECISION, award.decision_id)
    context = {
        "award": award,
        "name": name,
        "certificate_check": paper_finding(certificate),
        "decision_check": paper_finding(decision),
        "decision_paper": decision,
    }
    return render(request, "awards/verify.html", context)
