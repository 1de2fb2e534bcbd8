"""Scoring rounds of a cluster (mid-year, year-end): self-scores and cross-scores with evidence,
the ranking, finalisation by the lead with the peer vote and proposals within the quotas, and
the recorded reopening of a finalised round.

Ranking rule: by score (the average of the cross-scores; the self-score while no one has
cross-scored the unit), then by peer votes; units equal on both share a rank."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.audit.services import audit_record
from congdoan.core.text import format_date
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
from congdoan.emulation.permissions import may_finalise, may_manage
from congdoan.emulation.selectors import (
    Row,
    card_of,
    is_closed,
    live_ranking,
    round_day,
    round_units,
)
from congdoan.org.models import Unit


def require_open(cluster: Cluster, round_: str) -> None:
    if is_closed(cluster, round_):
        raise ValidationError(
            _("%(round)s của %(cluster)s đã chốt; muốn sửa điểm phải mở lại có ghi lý do.")
            % {"round": Round(round_).label, "cluster": cluster.name}
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
