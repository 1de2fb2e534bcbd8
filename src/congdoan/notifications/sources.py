"""The inbox sources of the awards chain: a nomination waiting for the Party committee's
confirmation, for the upper level's approval, the council scores a member has to enter; and
the union cards waiting for the upper level's approval; the transfers waiting for the
receiving union; the applications to join and the members' correction requests waiting at a
union the user keeps; the grassroots quality ratings waiting for the upper level's check or
publication."""

from __future__ import annotations

from django.db.models import Count, Exists, Min, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congdoan.accounts.scope import Scope
from congdoan.awards.models import CouncilMember, Nomination, Score, Status
from congdoan.emulation.models import QualityRating, RatingStatus
from congdoan.joining.models import Application, ApplicationStatus
from congdoan.members.models import CardStatus, Membership, UnionCard
from congdoan.members.transfer_selectors import transfer_requests_waiting_on
from congdoan.notifications.registry import Entry, source
from congdoan.org.models import UnitVersion
from congdoan.org.selectors import names_on
from congdoan.portal.models import CorrectionRequest, CorrectionStatus

_OPEN = Q(campaign__council_closed_on__isnull=True)


def _entries(rows, title: str) -> list[Entry]:
    rows = list(rows.select_related("person", "unit").order_by("updated_at", "pk"))
    names = names_on({r.nominating_unit_id for r in rows}, timezone.localdate())
    return [
        Entry(
            title=f"{title}: {r.nominee_name}",
            unit_name=names.get(r.nominating_unit_id, ""),
            link=reverse("awards:nomination", args=[r.pk]),
            since=r.updated_at,
        )
        for r in rows
    ]


@source
def party_confirmations(user, scope: Scope) -> list[Entry]:
    """Nominations sent by a union whose registry the user keeps, waiting for the committee."""
    kept = scope.member_editable_versions().values("unit_id")
    rows = Nomination.objects.filter(
        _OPEN,
        status=Status.SUBMITTED,
        campaign__requires_party_confirmation=True,
        nominating_unit__in=kept,
    )
    return _entries(rows, _("Chờ cấp ủy xác nhận"))


@source
def upper_approvals(user, scope: Scope) -> list[Entry]:
    """Nominations of the unions right under a unit the user organises, ready for approval."""
    editable = scope.org_editable_versions().values("unit_id")
    below = UnitVersion.objects.open().filter(parent__in=editable).values("unit_id")
    ready = Q(status=Status.PARTY_CONFIRMED, campaign__requires_party_confirmation=True) | Q(
        status=Status.SUBMITTED, campaign__requires_party_confirmation=False
    )
    rows = Nomination.objects.filter(_OPEN, ready, nominating_unit__in=below)
    return _entries(rows, _("Chờ công đoàn cấp trên xét duyệt"))


@source
def council_scores(user, scope: Scope) -> list[Entry]:
    """Nominations before the council that the user, a member, has not scored (nor recused)."""
    seats = CouncilMember.objects.filter(user=user, campaign__council_closed_on__isnull=True)
    scored = Score.objects.filter(nomination=OuterRef("pk"), member__user=user)
    rows = Nomination.objects.filter(
        status=Status.UPPER_APPROVED, campaign__in=seats.values("campaign_id")
    ).filter(~Exists(scored))
    return _entries(rows, _("Chờ chấm điểm hội đồng"))


@source
def cards_to_approve(user, scope: Scope) -> list[Entry]:
    """Card requests of members of the unions right under a unit whose registry the user keeps."""
    kept = scope.member_editable_versions().values("unit_id")
    below = UnitVersion.objects.open().filter(parent__in=kept).values("unit_id")
    current = Membership.objects.filter(ended_on__isnull=True, unit__in=below)
    cards = list(
        UnionCard.objects.filter(
            status=CardStatus.REQUESTED, person__in=current.values("person_id")
        )
        .select_related("person")
        .order_by("requested_on", "pk")
    )
    unit_of = dict(
        current.filter(person__in=[c.person_id for c in cards]).values_list("person_id", "unit_id")
    )
    names = names_on(set(unit_of.values()), timezone.localdate())
    return [
        Entry(
            title=_("Duyệt cấp thẻ đoàn viên: %(name)s") % {"name": card.person.full_name},
            unit_name=names.get(unit_of.get(card.person_id), ""),
            link=reverse("members:detail", args=[card.person_id]),
            since=card.requested_on,
        )
        for card in cards
    ]


@source
def transfers_to_accept(user, scope: Scope) -> list[Entry]:
    """Members another union asks to send to a union whose registry the user keeps."""
    return [
        Entry(
            title=_("Chờ tiếp nhận chuyển sinh hoạt: %(name)s") % {"name": row.member_name},
            unit_name=row.from_unit_name,
            link=row.url,
            since=row.requested_at,
        )
        for row in transfer_requests_waiting_on(user)
    ]


def _waiting_by_unit(rows, scope: Scope, title: str, url_name: str, since_field: str):
    """One entry per union whose registry the user keeps: how many wait there, since when."""
    kept = scope.member_editable_versions().values("unit_id")
    counted = list(
        rows.filter(unit__in=kept)
        .values_list("unit_id")
        .annotate(n=Count("id"), since=Min(since_field))
        .order_by("since", "unit_id")
    )
    names = names_on({unit_id for unit_id, _n, _since in counted}, timezone.localdate())
    return [
        Entry(
            title=title % {"count": n},
            unit_name=names.get(unit_id, ""),
            link=reverse(url_name, args=[unit_id]),
            since=since,
        )
        for unit_id, n, since in counted
    ]


@source
def applications_to_answer(user, scope: Scope) -> list[Entry]:
    """Applications to join waiting at a union whose registry the user keeps."""
    waiting = Application.objects.filter(status=ApplicationStatus.WAITING)
    return _waiting_by_unit(
        waiting, scope, _("Đơn xin gia nhập chờ xem xét: %(count)s"), "joining:queue", "created_at"
    )


@source
def corrections_to_answer(user, scope: Scope) -> list[Entry]:
    """Members' requests to correct their record, waiting at a union the user keeps."""
    waiting = CorrectionRequest.objects.filter(status=CorrectionStatus.WAITING)
    return _waiting_by_unit(
        waiting, scope, _("Đề nghị sửa hồ sơ chờ xem xét: %(count)s"), "portal:queue", "created_at"
    )


RATING_STEPS = {
    RatingStatus.SELF: gettext_lazy("Xếp loại chất lượng năm %(year)s chờ thẩm định: %(count)s"),
    RatingStatus.CHECKED: gettext_lazy(
        "Xếp loại chất lượng năm %(year)s đã thẩm định, chờ công bố: %(count)s"
    ),
}


@source
def ratings_to_check(user, scope: Scope) -> list[Entry]:
    """Quality ratings of the unions right under a unit whose registry the user keeps (in the
    tree of 31/12 of their year, as `emulation.permissions.may_check`): self-scored ones wait
    for the check, checked ones for publication. One line per unit, year and step."""
    kept = scope.member_editable_versions().values("unit_id")
    upper = (
        UnitVersion.objects.filter(unit=OuterRef("unit_id"), valid_from__year__lte=OuterRef("year"))
        .order_by("-valid_from")
        .values("parent_id")[:1]
    )  # the version of 31/12, or the last one of a union ended in the year
    counted = list(
        QualityRating.objects.filter(status__in=list(RATING_STEPS))
        .annotate(upper=Subquery(upper))
        .filter(upper__in=kept)
        .values_list("upper", "year", "status")
        .annotate(n=Count("id"), since=Min("updated_at"))
        .order_by("since", "upper", "year", "status")
    )
    names = names_on({row[0] for row in counted}, None)
    return [
        Entry(
            title=RATING_STEPS[status] % {"year": year, "count": n},
            unit_name=names.get(unit_id, ""),
            link=f"{reverse('emulation:quality', args=[unit_id])}?year={year}",
            since=since,
        )
        for unit_id, year, status, n, since in counted
    ]
