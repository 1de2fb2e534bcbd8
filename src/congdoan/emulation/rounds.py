"""Scoring rounds of a cluster (mid-year, year-end): self-scores and cross-scores with evidence,
the ranking, finalisation by the lead with the peer vote and proposals within the quotas, and
the recorded reopening of a finalised round.

Ranking rule: by score (the average of the cross-scores; the self-score while no one has
cross-scored the unit), then by peer votes; units equal on both share a rank."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.audit.services import audit_record
from congdoan.core.text import format_date
from congdoan.emulation.clusters import may_manage, member_units
from congdoan.emulation.models import (
    Award,
    Cluster,
    Proposal,
    Reopening,
    Round,
    RoundClosure,
    Sheet,
    SheetEntry,
    Standing,
)
from congdoan.emulation.scorecards import card_of
from congdoan.org.models import Unit

TIE_RULE = _(
    "Xếp theo điểm (bình quân điểm chấm chéo; chưa có chấm chéo thì lấy điểm tự chấm), "
    "bằng điểm thì đơn vị nhiều phiếu suy tôn hơn xếp trên; vẫn bằng thì đồng hạng."
)
TENTH = Decimal("0.1")
ROUND_DAYS = {Round.MIDYEAR: (6, 30), Round.YEAREND: (12, 31)}


def round_day(cluster: Cluster, round_: str) -> date:
    """The day whose members take part in a round: 30/6 or 31/12 of the cluster's year."""
    month, day = ROUND_DAYS[Round(round_)]
    return date(cluster.year, month, day)


def round_units(cluster: Cluster, round_: str) -> list[Unit]:
    return member_units(cluster, round_day(cluster, round_))


def is_closed(cluster: Cluster, round_: str) -> bool:
    return RoundClosure.objects.filter(cluster=cluster, round=round_).exists()


def require_open(cluster: Cluster, round_: str) -> None:
    if is_closed(cluster, round_):
        raise ValidationError(
            _("%(round)s của %(cluster)s đã chốt; muốn sửa điểm phải mở lại có ghi lý do.")
            % {"round": Round(round_).label, "cluster": cluster.name}
        )


def may_finalise(actor, cluster: Cluster) -> bool:
    lead = cluster.lead
    return may_manage(actor, cluster) or (
        lead is not None and scope_for(actor).can_edit_members(lead)
    )


@transaction.atomic
def sheet_submit(
    *,
    actor,
    cluster: Cluster,
    round_: str,
    subject: Unit,
    scorer: Unit,
    cross: bool,
    points: dict,
    evidence: dict,
) -> Sheet:
    if not scope_for(actor).can_edit_members(scorer):
        raise PermissionDenied(
            _("Bạn không chấm điểm thay đơn vị %(code)s được.") % {"code": scorer.code}
        )
    Cluster.objects.select_for_update().get(pk=cluster.pk)  # one writer per cluster at a time
    require_open(cluster, round_)
    members = {u.pk for u in round_units(cluster, round_)}
    for unit in (subject, scorer):
        if unit.pk not in members:
            raise ValidationError(
                _("%(code)s không thuộc cụm vào ngày %(day)s (ngày chốt của đợt).")
                % {"code": unit.code, "day": format_date(round_day(cluster, round_))}
            )
    if cross and subject.pk == scorer.pk:
        raise ValidationError(_("Trong vòng chấm chéo, đơn vị không tự chấm điểm cho mình."))
    if not cross and subject.pk != scorer.pk:
        raise ValidationError(_("Bản tự chấm phải do chính đơn vị chấm."))
    if cluster.scorecard is None:
        raise ValidationError(_("Cụm chưa có bảng điểm."))
    card = card_of(cluster.scorecard)
    errors = card.errors(points)
    if errors:
        raise ValidationError(errors)
    total, _klass = card.result(points)
    sheet, _created = Sheet.objects.update_or_create(
        cluster=cluster,
        round=round_,
        subject=subject,
        scorer=scorer,
        defaults={"total": total, "actor": actor},
    )
    sheet.entries.all().delete()
    SheetEntry.objects.bulk_create(
        SheetEntry(
            sheet=sheet,
            criterion_id=leaf.key,
            points=points[leaf.key],
            evidence=(evidence.get(leaf.key) or "").strip()[:400],
        )
        for leaf in card.leaves
    )
    audit_record(
        actor=actor,
        action="emulation.cross_score" if cross else "emulation.self_score",
        target=f"{cluster} {round_} {subject.code}",
        unit=subject,
        after={"scorer": scorer.code, "total": str(total)},
    )
    return sheet


@dataclass
class Row:
    unit: Unit
    self_total: Decimal | None
    cross_total: Decimal | None
    cross_count: int
    votes: int = 0
    rank: int = 0

    @property
    def score(self) -> Decimal:
        if self.cross_total is not None:
            return self.cross_total
        return self.self_total or Decimal(0)


def live_ranking(cluster: Cluster, round_: str, votes: dict[int, int] | None = None) -> list[Row]:
    """The ranking from the sheets as they stand (before finalisation)."""
    votes = votes or {}
    sheets = Sheet.objects.filter(cluster=cluster, round=round_).values_list(
        "subject_id", "scorer_id", "total"
    )
    own, crossed = {}, {}
    for subject, scorer, total in sheets:
        if subject == scorer:
            own[subject] = total
        else:
            crossed.setdefault(subject, []).append(total)
    rows = [
        Row(
            unit,
            own.get(unit.pk),
            _average(crossed.get(unit.pk)),
            len(crossed.get(unit.pk, [])),
            votes.get(unit.pk, 0),
        )
        for unit in round_units(cluster, round_)
    ]
    return ranked(rows)


def _average(values: list[Decimal] | None) -> Decimal | None:
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(TENTH, rounding=ROUND_HALF_UP)


def ranked(rows: list[Row]) -> list[Row]:
    rows = sorted(rows, key=lambda r: (-r.score, -r.votes, r.unit.code))
    for position, row in enumerate(rows, start=1):
        previous = rows[position - 2] if position > 1 else None
        same = previous is not None and (previous.score, previous.votes) == (row.score, row.votes)
        row.rank = previous.rank if same else position
    return rows


@transaction.atomic
def round_finalise(*, actor, cluster: Cluster, round_: str, votes: dict[int, int]) -> list[Row]:
    if not may_finalise(actor, cluster):
        raise PermissionDenied(_("Chỉ cụm trưởng hoặc đơn vị tổ chức cụm được chốt kết quả."))
    Cluster.objects.select_for_update().get(pk=cluster.pk)
    require_open(cluster, round_)
    if any(v is None or v < 0 for v in votes.values()):
        raise ValidationError(_("Số phiếu suy tôn không được âm."))
    rows = live_ranking(cluster, round_, votes)
    missing = [row.unit.code for row in rows if row.self_total is None]
    if missing:
        raise ValidationError(
            _("Chưa chốt được: đơn vị chưa tự chấm điểm (%(codes)s).")
            % {"codes": ", ".join(missing)}
        )
    RoundClosure.objects.create(cluster=cluster, round=round_, closed_by=actor)
    Standing.objects.bulk_create(
        Standing(
            cluster=cluster,
            round=round_,
            unit=row.unit,
            self_total=row.self_total,
            cross_total=row.score,
            votes=row.votes,
            rank=row.rank,
        )
        for row in rows
    )
    if round_ == Round.YEAREND:
        _propose(cluster, rows)
    audit_record(
        actor=actor,
        action="emulation.round_finalise",
        target=f"{cluster} {round_}",
        unit=cluster.owner,
        after={row.unit.code: row.rank for row in rows},
    )
    return rows


def _propose(cluster: Cluster, rows: list[Row]) -> None:
    awards = [Award.FEDERATION_FLAG] * cluster.flag_quota + [Award.MERIT] * cluster.merit_quota
    Proposal.objects.bulk_create(
        Proposal(cluster=cluster, unit=row.unit, award=award, rank=row.rank)
        for row, award in zip(rows, awards, strict=False)
    )


@transaction.atomic
def round_reopen(*, actor, cluster: Cluster, round_: str, reason: str) -> None:
    if not may_manage(actor, cluster):
        raise PermissionDenied(_("Chỉ đơn vị tổ chức cụm được mở lại kết quả đã chốt."))
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError(_("Mở lại kết quả đã chốt phải ghi lý do."))
    if not is_closed(cluster, round_):
        raise ValidationError(_("Đợt này chưa chốt, không cần mở lại."))
    RoundClosure.objects.filter(cluster=cluster, round=round_).delete()
    Standing.objects.filter(cluster=cluster, round=round_).delete()
    if round_ == Round.YEAREND:
        cluster.proposals.all().delete()
    Reopening.objects.create(
        target=f"{cluster} – {Round(round_).label}", reason=reason, actor=actor, cluster=cluster
    )
    audit_record(
        actor=actor,
        action="emulation.round_reopen",
        target=f"{cluster} {round_}",
        unit=cluster.owner,
        after={"reason": reason},
    )


def standings(cluster: Cluster, round_: str) -> list[Standing]:
    return list(
        Standing.objects.filter(cluster=cluster, round=round_)
        .select_related("unit")
        .order_by("rank", "unit__code")
    )
