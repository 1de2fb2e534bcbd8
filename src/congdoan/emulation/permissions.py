"""Who may do what in emulation: manage a cluster, edit a scorecard, finalise a round, score
or check a quality rating. Predicates answer, `require_*` refuse with PermissionDenied."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from congdoan.accounts.scope import Scope, scope_for
from congdoan.emulation.models import (
    Cluster,
    RatingStatus,
    Scorecard,
)
from congdoan.emulation.selectors import upper_unit
from congdoan.org.models import Unit


def may_manage(actor, cluster: Cluster) -> bool:
    return scope_for(actor).can_edit_org(cluster.owner)


def require_manager(actor, cluster: Cluster) -> None:
    if not may_manage(actor, cluster):
        raise PermissionDenied(_("Chỉ đơn vị tổ chức cụm thi đua được thay đổi cụm."))


def require_card_editor(actor, scorecard: Scorecard) -> None:
    if not scope_for(actor).can_edit_org(scorecard.owner):
        raise PermissionDenied(_("Chỉ đơn vị ban hành bảng điểm được sửa bảng điểm."))


def require_not_in_use(scorecard: Scorecard) -> None:
    published = scorecard.qualityrating_set.filter(status=RatingStatus.PUBLISHED).exists()
    closed = scorecard.cluster_set.filter(closures__isnull=False).exists()
    if published or closed:
        raise ValidationError(
            _(
                "Bảng điểm năm %(year)s đã dùng cho kết quả chính thức, không sửa được; "
                "hãy sao chép sang năm mới rồi sửa."
            )
            % {"year": scorecard.year}
        )


def may_finalise(actor, cluster: Cluster) -> bool:
    lead = cluster.lead
    return may_manage(actor, cluster) or (
        lead is not None and scope_for(actor).can_edit_members(lead)
    )


def may_self_score(actor, unit: Unit) -> bool:
    return scope_for(actor).can_edit_members(unit)


def may_check(actor, unit: Unit, year: int) -> bool:
    return may_check_below(scope_for(actor), upper_unit(unit, year))


def may_check_below(scope: Scope, parent: Unit | None) -> bool:
    """Checking and publishing is for the keepers of the union directly above."""
    return parent is not None and scope.can_edit_members(parent)


def checker_refusal() -> PermissionDenied:
    return PermissionDenied(_("Chỉ công đoàn cấp trên trực tiếp được thẩm định, công bố."))
