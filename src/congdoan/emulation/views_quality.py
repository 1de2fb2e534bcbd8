"""Quality rating pages: the roll-up of classes below a unit, one union's rating (published to
everyone who reads the union), self-scoring, the upper level's check, publication, reopening."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from congdoan.accounts.scope import scope_for
from congdoan.core.form_service import done, run_form_service
from congdoan.core.params import LAST_DAY, BadParameter, parse_int
from congdoan.emulation.forms import PointsForm, ReasonForm
from congdoan.emulation.models import Klass, QualityRating, RatingStatus
from congdoan.emulation.permissions import may_check, may_self_score
from congdoan.emulation.rollup import quality_rollup
from congdoan.emulation.selectors import card_of, quality_scorecard, ratings_below, require_ratable
from congdoan.emulation.services import quality
from congdoan.org.access import readable_unit
from congdoan.org.selectors import display_version

FIRST_YEAR = 2000


def _year(value) -> int:
    if not value:
        return timezone.localdate().year - 1
    try:
        return parse_int(value, minimum=FIRST_YEAR, maximum=LAST_DAY.year)
    except BadParameter:
        raise Http404 from None


@login_required
@require_GET
def quality_rollup_page(request, pk: int):
    unit = readable_unit(request, pk)
    year = _year(request.GET.get("year"))
    version = display_version(unit, date(year, 12, 31))
    scope = scope_for(request.user)
    context = {
        "unit": unit,
        "version": version,
        "year": year,
        "classes": Klass.choices,
        "rows": quality_rollup(version, year, scope),
        "ratings": ratings_below(version, year, scope)[:200],
    }
    return render(request, "emulation/quality.html", context)


def _rating_url(unit, year) -> str:
    return reverse("emulation:rating", args=[unit.pk, year])


@login_required
@require_GET
def rating_detail(request, pk: int, year: int):
    unit = readable_unit(request, pk)
    year = _year(year)
    rating = QualityRating.objects.filter(unit=unit, year=year).select_related("scorecard").first()
    may_self = may_self_score(request.user, unit)
    may_checker = may_check(request.user, unit, year)
    if rating and rating.status != RatingStatus.PUBLISHED and not (may_self or may_checker):
        rating = None  # drafts are for the union and its upper level
    entries = (
        rating.entries.select_related("criterion").order_by("criterion__order") if rating else []
    )
    context = {
        "unit": unit,
        "version": display_version(unit, date(year, 12, 31)),
        "year": year,
        "rating": rating,
        "entries": entries,
        "may_self": may_self,
        "may_check": may_checker,
        "refusal": _card_for(unit, year, rating)[1] if may_self and not rating else "",
        "reopenings": rating.reopening_set.select_related("actor") if rating else [],
    }
    return render(request, "emulation/rating.html", context)


def _points_page(request, unit, year, form, title):
    return render(
        request,
        "emulation/rating_form.html",
        {
            "unit": unit,
            "version": display_version(unit, date(year, 12, 31)),
            "year": year,
            "form": form,
            "title": title,
            "back_url": _rating_url(unit, year),
        },
    )


def _card_for(unit, year, rating):
    """The card to score on, or why the union cannot be scored for the year (not yet ratable,
    no scorecard in force) — said before any form is shown."""
    if rating:
        return card_of(rating.scorecard), ""
    try:
        require_ratable(unit, year)
        return card_of(quality_scorecard(unit, year)), ""
    except ValidationError as error:
        return None, " ".join(error.messages)


@login_required
def rating_self(request, pk: int, year: int):
    unit = readable_unit(request, pk)
    year = _year(year)
    if not may_self_score(request.user, unit):
        raise PermissionDenied(_("Chỉ cán bộ của công đoàn cơ sở được tự chấm điểm."))
    rating = QualityRating.objects.filter(unit=unit, year=year).first()
    card, refusal = _card_for(unit, year, rating)
    if card is None:
        messages.error(request, refusal)
        return redirect(_rating_url(unit, year))
    initial = {e.criterion_id: e.self_points for e in rating.entries.all()} if rating else {}
    form = PointsForm(
        request.POST or None, card=card, note_label=_("Minh chứng"), initial_points=initial
    )
    if request.method == "POST" and form.is_valid():
        ok, _rating = run_form_service(
            form,
            lambda: quality.rating_self_score(
                actor=request.user,
                unit=unit,
                year=year,
                points=form.points(),
                evidence=form.notes(),
            ),
        )
        if ok:
            return done(request, _("Đã lưu điểm tự chấm."), _rating_url(unit, year))
    return _points_page(request, unit, year, form, _("Tự chấm điểm xếp loại chất lượng"))


def _checkable(request, pk: int, year: int):
    unit = readable_unit(request, pk)
    year = _year(year)
    if not may_check(request.user, unit, year):
        raise PermissionDenied(_("Chỉ công đoàn cấp trên trực tiếp được thẩm định, công bố."))
    return unit, year, QualityRating.objects.filter(unit=unit, year=year).first()


@login_required
def rating_check(request, pk: int, year: int):
    unit, year, rating = _checkable(request, pk, year)
    if rating is None:
        messages.error(request, _("Công đoàn chưa tự chấm điểm năm này."))
        return redirect(_rating_url(unit, year))
    initial = {e.criterion_id: e.points for e in rating.entries.all()}
    form = PointsForm(
        request.POST or None,
        card=card_of(rating.scorecard),
        note_label=_("Lý do điều chỉnh"),
        initial_points=initial,
    )
    if request.method == "POST" and form.is_valid():
        ok, _rating = run_form_service(
            form,
            lambda: quality.rating_check(
                actor=request.user, rating=rating, points=form.points(), reasons=form.notes()
            ),
        )
        if ok:
            return done(request, _("Đã lưu kết quả thẩm định."), _rating_url(unit, year))
    return _points_page(request, unit, year, form, _("Thẩm định, điều chỉnh điểm"))


@login_required
@require_POST
def rating_publish(request, pk: int, year: int):
    unit, year, rating = _checkable(request, pk, year)
    if rating is None:
        messages.error(request, _("Công đoàn chưa tự chấm điểm năm này."))
        return redirect(_rating_url(unit, year))
    try:
        quality.rating_publish(actor=request.user, rating=rating, on=timezone.localdate())
        messages.success(request, _("Đã công bố kết quả xếp loại."))
    except ValidationError as error:  # a refusal is shown, nothing changed
        messages.error(request, " ".join(error.messages))
    return redirect(_rating_url(unit, year))


@login_required
def rating_reopen(request, pk: int, year: int):
    unit, year, rating = _checkable(request, pk, year)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if rating is None:
            form.add_error(None, _("Công đoàn chưa có kết quả năm này."))
        else:
            ok, _rating = run_form_service(
                form,
                lambda: quality.rating_reopen(
                    actor=request.user, rating=rating, reason=form.cleaned_data["reason"]
                ),
            )
            if ok:
                return done(request, _("Đã mở lại kết quả."), _rating_url(unit, year))
    return render(
        request,
        "emulation/form.html",
        {
            "form": form,
            "title": _("Mở lại kết quả đã công bố"),
            "subject": unit.code,
            "back_url": _rating_url(unit, year),
            "button": _("Mở lại"),
        },
    )
