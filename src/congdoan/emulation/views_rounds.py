"""Round pages: a score sheet (self or cross), the ranking, finalisation with the peer vote,
and the recorded reopening."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from congdoan.core.form_service import done, run_form_service
from congdoan.emulation.access import (
    acting_units,
    finalising_cluster,
    managed_cluster,
    member_cluster,
    readable_cluster,
)
from congdoan.emulation.forms import PointsForm, ReasonForm, VotesForm
from congdoan.emulation.models import Round, Sheet
from congdoan.emulation.pages import form_page
from congdoan.emulation.permissions import may_finalise
from congdoan.emulation.selectors import (
    TIE_RULE,
    card_of,
    cluster_units,
    is_closed,
    live_ranking,
    standings,
)
from congdoan.emulation.services import rounds
from congdoan.org.selectors import named_rows


def _round(value: str) -> str:
    if value not in Round.values:
        raise Http404
    return value


def _pick(units, value, default):
    if not value:
        return default
    found = [u for u in units if str(u.pk) == value]
    if not found:
        raise Http404
    return found[0]


def _ranking_url(cluster, round_) -> str:
    return reverse("emulation:ranking", args=[cluster.pk, round_])


@login_required
def score(request, pk: int, round_: str):
    """GET ?scorer=&subject=: one scorer's sheet for one unit; the scorer must be the user's."""
    cluster = member_cluster(request, pk)
    round_ = _round(round_)
    if cluster.scorecard is None:
        raise Http404
    units = cluster_units(cluster)
    acting = {u.pk for u in acting_units(request, cluster)}
    params = request.POST if request.method == "POST" else request.GET
    scorer = _pick(units, params.get("scorer"), next(u for u in units if u.pk in acting))
    if scorer.pk not in acting:
        raise PermissionDenied(_("Bạn không chấm điểm thay đơn vị này được."))
    subject = _pick(units, params.get("subject"), scorer)
    card = card_of(cluster.scorecard)
    sheet = Sheet.objects.filter(cluster=cluster, round=round_, subject=subject, scorer=scorer)
    initial = {e.criterion_id: e.points for e in sheet.first().entries.all()} if sheet else {}
    form = PointsForm(
        request.POST or None, card=card, note_label=_("Minh chứng"), initial_points=initial
    )
    if request.method == "POST" and form.is_valid():
        ok, _sheet = run_form_service(
            form,
            lambda: rounds.sheet_submit(
                actor=request.user,
                cluster=cluster,
                round_=round_,
                subject=subject,
                scorer=scorer,
                cross=subject.pk != scorer.pk,
                points=form.points(),
                evidence=form.notes(),
            ),
        )
        if ok:
            return done(request, _("Đã lưu bảng điểm."), _ranking_url(cluster, round_))
    context = {
        "cluster": cluster,
        "round": Round(round_),
        "form": form,
        "subject": subject,
        "scorer": scorer,
        "units": units,
        "acting": [u for u in units if u.pk in acting],
        "cross": subject.pk != scorer.pk,
    }
    return render(request, "emulation/score.html", context)


@login_required
@require_GET
def ranking(request, pk: int, round_: str):
    cluster = readable_cluster(request, pk)
    round_ = _round(round_)
    closed = is_closed(cluster, round_)
    rows = standings(cluster, round_) if closed else live_ranking(cluster, round_)
    names = {u.pk: u.display_name for u in cluster_units(cluster)}
    context = {
        "cluster": cluster,
        "round": Round(round_),
        "closed": closed,
        "rows": rows,
        "names": names,
        "tie_rule": TIE_RULE,
        "proposals": named_rows(cluster.proposals.select_related("unit")) if closed else [],
        "acting": acting_units(request, cluster),
        "can_finalise": may_finalise(request.user, cluster),
    }
    return render(request, "emulation/ranking.html", context)


@login_required
def finalise(request, pk: int, round_: str):
    cluster = finalising_cluster(request, pk)
    round_ = _round(round_)
    form = VotesForm(request.POST or None, units=cluster_units(cluster))
    if request.method == "POST" and form.is_valid() and request.POST.get("confirm"):
        ok, _rows = run_form_service(
            form,
            lambda: rounds.round_finalise(
                actor=request.user, cluster=cluster, round_=round_, votes=form.votes()
            ),
        )
        if ok:
            return done(request, _("Đã chốt kết quả."), _ranking_url(cluster, round_))
    elif request.method == "POST" and form.is_valid():
        form.add_error(None, _("Hãy đánh dấu xác nhận chốt kết quả."))
    return render(
        request,
        "emulation/finalise.html",
        {
            "cluster": cluster,
            "round": Round(round_),
            "form": form,
            "back_url": _ranking_url(cluster, round_),
        },
    )


@login_required
def reopen(request, pk: int, round_: str):
    cluster = managed_cluster(request, pk)
    round_ = _round(round_)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _result = run_form_service(
            form,
            lambda: rounds.round_reopen(
                actor=request.user,
                cluster=cluster,
                round_=round_,
                reason=form.cleaned_data["reason"],
            ),
        )
        if ok:
            return done(request, _("Đã mở lại kết quả."), _ranking_url(cluster, round_))
    return form_page(
        request,
        form,
        title=_("Mở lại kết quả đã chốt"),
        subject=f"{cluster} – {Round(round_).label}",
        back_url=_ranking_url(cluster, round_),
        button=_("Mở lại"),
    )
