"""Cluster pages: the list, one cluster (members, covenant, live progress, signatures, rounds),
forming a cluster, leads, members, the covenant, targets, signing and the covenant paper."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from congdoan.accounts.lookups import unit_in_scope, units_in_scope
from congdoan.accounts.scope import scope_for
from congdoan.core.documents import download
from congdoan.core.form_service import done, refusal_text, run_form_service
from congdoan.core.http import file_response
from congdoan.core.params import QueryParams
from congdoan.emulation.access import (
    acting_units,
    managed_cluster,
    member_cluster,
    readable_cluster,
    readable_clusters,
)
from congdoan.emulation.covenant_doc import (
    covenant_document,
    covenant_issue_form,
    covenant_paper_form,
)
from congdoan.emulation.forms import (
    ClusterForm,
    CovenantForm,
    EndMemberForm,
    LeadsForm,
    MemberForm,
    SignForm,
    TargetsForm,
)
from congdoan.emulation.models import Covenant, Indicator, Round
from congdoan.emulation.pages import form_page
from congdoan.emulation.permissions import may_finalise, may_manage
from congdoan.emulation.progress import covenant_progress
from congdoan.emulation.selectors import cluster_units, is_closed, named_units, signable_units
from congdoan.emulation.services import clusters
from congdoan.emulation.services.covenant_paper import covenant_issue as covenant_paper_issue
from congdoan.emulation.services.covenant_paper import covenant_paper, may_issue
from congdoan.org.access import org_editable_unit
from congdoan.org.selectors import display_version, named_rows, tree_roots
from congdoan.signing.selectors import paper_finding


@login_required
@require_GET
def cluster_list(request):
    clusters = readable_clusters(scope_for(request.user)).order_by("-year", "name")
    year = QueryParams(request).integer("year", minimum=1900, maximum=2100, label=_("Năm"))
    if year is not None:
        clusters = clusters.filter(year=year)
    scope = scope_for(request.user)
    own = [
        (version, scope.can_edit_org(version.unit))
        for version in tree_roots(scope, timezone.localdate())
    ]
    return render(
        request, "emulation/clusters.html", {"clusters": clusters, "year": year, "own": own}
    )


def _covenant(cluster) -> Covenant | None:
    return Covenant.objects.filter(cluster=cluster).first()


@login_required
@require_GET
def cluster_detail(request, pk: int):
    cluster = readable_cluster(request, pk)
    covenant = _covenant(cluster)
    units = cluster_units(cluster)
    today = timezone.localdate()
    context = {
        "cluster": cluster,
        "units": units,
        "members": cluster.members.all(),
        "names": {u.pk: u.display_name for u in units},
        "covenant": covenant,
        "indicators": Indicator.choices,
        "progress": covenant_progress(covenant, today) if covenant else [],
        "signings": named_rows(covenant.signings.select_related("unit")) if covenant else [],
        "rounds": [(value, label, is_closed(cluster, value)) for value, label in Round.choices],
        "can_manage": may_manage(request.user, cluster),
        "can_finalise": may_finalise(request.user, cluster),
        "acting": acting_units(request, cluster),
        "proposals": named_rows(cluster.proposals.select_related("unit")),
        "paper_form": covenant_paper_form(request, covenant) if covenant else None,
        "issue_form": covenant_issue_form(request.GET, covenant) if covenant else None,
        **_issued(request, cluster, covenant),
    }
    return render(request, "emulation/cluster.html", context)


def _issued(request, cluster, covenant) -> dict:
    """The covenant's signed paper, once issued, with its check; whether the user may issue it."""
    if covenant is None:
        return {}
    covenant.cluster = cluster  # read once for the page
    issued = covenant_paper(covenant)
    return {
        "issued": issued,
        "issued_check": paper_finding(issued),
        "can_issue": may_issue(request.user, covenant, issued=issued),
    }


def _back(cluster) -> str:
    return reverse("emulation:cluster", args=[cluster.pk])


@login_required
def cluster_new(request, pk: int):
    owner = org_editable_unit(request, pk)
    form = ClusterForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        codes = [c.strip() for c in form.cleaned_data["units"].split(",") if c.strip()]
        try:
            units = units_in_scope(codes, scope_for(request.user), under=owner)
        except ValidationError as error:
            form.add_error("units", error)
        else:
            ok, cluster = run_form_service(
                form,
                lambda: clusters.cluster_create(
                    actor=request.user,
                    owner=owner,
                    year=form.cleaned_data["year"],
                    name=form.cleaned_data["name"],
                    kind=form.cleaned_data["kind"],
                    units=units,
                ),
            )
            if ok:
                return done(request, _("Đã lập cụm thi đua."), _back(cluster))
    version = display_version(owner, timezone.localdate())
    return form_page(
        request,
        form,
        title=_("Lập cụm, khối thi đua"),
        subject=version.name,
        back_url=reverse("org:detail", args=[owner.pk]),
    )


def _member_queryset(cluster):
    return named_units(cluster.members.values("unit_id"), timezone.localdate())


@login_required
def cluster_leads(request, pk: int):
    cluster = managed_cluster(request, pk)
    form = LeadsForm(
        request.POST or None,
        units=_member_queryset(cluster),
        initial={"lead": cluster.lead_id, "deputy": cluster.deputy_id},
    )
    if request.method == "POST" and form.is_valid():
        ok, warning = run_form_service(
            form,
            lambda: clusters.cluster_set_leads(
                actor=request.user, cluster=cluster, **form.cleaned_data
            ),
        )
        if ok:
            if warning:
                messages.warning(request, warning)
            return done(request, _("Đã lưu cụm trưởng, cụm phó."), _back(cluster))
    return form_page(
        request, form, title=_("Cụm trưởng, cụm phó"), subject=str(cluster), back_url=_back(cluster)
    )


@login_required
def cluster_member(request, pk: int):
    cluster = managed_cluster(request, pk)
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            unit = unit_in_scope(
                form.cleaned_data["code"], scope_for(request.user), under=cluster.owner
            )
        except ValidationError as error:
            form.add_error("code", error)
        else:
            ok, _member = run_form_service(
                form,
                lambda: clusters.cluster_add_member(
                    actor=request.user,
                    cluster=cluster,
                    unit=unit,
                    joined_on=form.cleaned_data["joined_on"],
                ),
            )
            if ok:
                return done(request, _("Đã thêm đơn vị vào cụm."), _back(cluster))
    return form_page(
        request, form, title=_("Thêm đơn vị vào cụm"), subject=str(cluster), back_url=_back(cluster)
    )


@login_required
def cluster_member_end(request, pk: int):
    cluster = managed_cluster(request, pk)
    form = EndMemberForm(request.POST or None, units=_member_queryset(cluster))
    if request.method == "POST" and form.is_valid():
        ok, _member = run_form_service(
            form,
            lambda: clusters.cluster_end_member(
                actor=request.user, cluster=cluster, **form.cleaned_data
            ),
        )
        if ok:
            return done(request, _("Đã ghi nhận đơn vị rời cụm."), _back(cluster))
    return form_page(
        request, form, title=_("Đơn vị rời cụm"), subject=str(cluster), back_url=_back(cluster)
    )


@login_required
def covenant_edit(request, pk: int):
    cluster = managed_cluster(request, pk)
    covenant = _covenant(cluster)
    initial = (
        {"theme": covenant.theme, "signed_on": covenant.signed_on, "place": covenant.place}
        if covenant
        else None
    )
    form = CovenantForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _covenant_saved = run_form_service(
            form,
            lambda: clusters.covenant_set(actor=request.user, cluster=cluster, **form.cleaned_data),
        )
        if ok:
            return done(request, _("Đã lưu giao ước thi đua."), _back(cluster))
    return form_page(
        request, form, title=_("Giao ước thi đua"), subject=str(cluster), back_url=_back(cluster)
    )


@login_required
def covenant_targets(request, pk: int):
    cluster = managed_cluster(request, pk)
    covenant = _covenant(cluster)
    if covenant is None:
        messages.error(request, _("Hãy lập giao ước trước khi giao chỉ tiêu."))
        return redirect(_back(cluster))
    form = TargetsForm(request.POST or None, units=_member_queryset(cluster))
    if request.method == "POST" and form.is_valid():
        ok, _result = run_form_service(
            form,
            lambda: clusters.covenant_set_targets(
                actor=request.user,
                covenant=covenant,
                unit=form.cleaned_data["unit"],
                values=form.values(),
            ),
        )
        if ok:
            return done(request, _("Đã lưu chỉ tiêu."), _back(cluster))
    return form_page(
        request, form, title=_("Chỉ tiêu giao ước"), subject=str(cluster), back_url=_back(cluster)
    )


@login_required
def covenant_sign(request, pk: int):
    cluster = member_cluster(request, pk)
    covenant = _covenant(cluster)
    if covenant is None:
        messages.error(request, _("Cụm chưa có giao ước để ký."))
        return redirect(_back(cluster))
    units = named_units([u.pk for u in signable_units(request.user, cluster)], covenant.signed_on)
    only = units.first() if len(units) == 1 else None
    form = SignForm(
        request.POST or None, units=units, initial={"on": covenant.signed_on, "unit": only}
    )
    if request.method == "POST" and form.is_valid():
        ok, _signing = run_form_service(
            form,
            lambda: clusters.covenant_sign(
                actor=request.user, covenant=covenant, **form.cleaned_data
            ),
        )
        if ok:
            return done(request, _("Đã ghi nhận chữ ký giao ước."), _back(cluster))
    return form_page(
        request,
        form,
        title=_("Ký giao ước thi đua"),
        subject=str(cluster),
        back_url=_back(cluster),
        button=_("Ký giao ước"),
    )


@login_required
@require_GET
def covenant_file(request, pk: int, fmt: str):
    cluster = readable_cluster(request, pk)
    covenant = _covenant(cluster)
    if covenant is None or fmt not in ("pdf", "docx"):
        raise Http404
    chosen = covenant_paper_form(request, covenant).choice()
    if chosen is None:  # the cluster page shows the form again with its error
        page = reverse("emulation:cluster", args=[cluster.pk])
        return redirect(f"{page}?{request.GET.urlencode()}")
    issued = covenant_paper(covenant) if fmt == "pdf" else None
    if issued is not None:  # the covenant as issued and signed: the stored file, byte for byte
        return file_response(bytes(issued.data), "application/pdf", _issued_name(covenant))
    number, dated = chosen
    return download(covenant_document(covenant, number=number, dated=dated), fmt)


def _issued_name(covenant) -> str:
    return covenant_document(covenant).filename("pdf")


@login_required
@require_POST
def covenant_issue(request, pk: int):
    cluster = readable_cluster(request, pk)
    covenant = _covenant(cluster)
    if covenant is None:
        raise Http404
    form = covenant_issue_form(request.POST, covenant)
    chosen = form.choice()
    if chosen is None:  # the page binds the form again: the errors beside the boxes
        return redirect(f"{_back(cluster)}?{form.typed_query()}")
    number, dated = chosen
    try:
        covenant_paper_issue(actor=request.user, covenant=covenant, number=number, dated=dated)
        messages.success(request, _("Đã ban hành bản giao ước có ký số."))
    except ValidationError as error:
        messages.error(request, refusal_text(error))
        return redirect(f"{_back(cluster)}?{form.typed_query()}")
    return redirect(_back(cluster))
