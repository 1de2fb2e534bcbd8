"""Who may act on a campaign or a nomination at each step (answers PermissionDenied)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.awards.models import Campaign, CouncilMember, Nomination
from congdoan.org.models import Unit, UnitVersion


def may_organise(actor, campaign_or_unit: Campaign | Unit) -> bool:
    unit = getattr(campaign_or_unit, "organiser", campaign_or_unit)
    return scope_for(actor).can_edit_org(unit)


def require_organiser(actor, campaign_or_unit: Campaign | Unit) -> None:
    if not may_organise(actor, campaign_or_unit):
        raise PermissionDenied(_("Chỉ đơn vị tổ chức đợt khen thưởng được làm việc này."))


def may_nominate_from(actor, unit: Unit) -> bool:
    return scope_for(actor).can_edit_members(unit)


def require_nominator(actor, unit: Unit) -> None:
    if not may_nominate_from(actor, unit):
        raise PermissionDenied(_("Bạn không có quyền đề nghị khen thưởng thay đơn vị này."))


def upper_of(unit: Unit) -> Unit | None:
    version = UnitVersion.objects.open().filter(unit=unit).select_related("parent").first()
    return version.parent if version else None


def may_approve_upper(actor, nomination: Nomination) -> bool:
    upper = upper_of(nomination.nominating_unit)
    return upper is not None and scope_for(actor).can_edit_org(upper)


def require_upper(actor, nomination: Nomination) -> None:
    if not may_approve_upper(actor, nomination):
        raise PermissionDenied(_("Chỉ công đoàn cấp trên của đơn vị đề nghị được xét bước này."))


def council_seat(actor, campaign: Campaign) -> CouncilMember | None:
    if not getattr(actor, "pk", None):
        return None
    return CouncilMember.objects.filter(campaign=campaign, user=actor).first()


def require_council_member(actor, campaign: Campaign) -> CouncilMember:
    seat = council_seat(actor, campaign)
    if seat is None:
        raise PermissionDenied(_("Bạn không là thành viên hội đồng của đợt này."))
    return seat


def may_run_council(actor, campaign: Campaign) -> bool:
    seat = council_seat(actor, campaign)
    return (seat is not None and seat.secretary) or may_organise(actor, campaign)


def require_secretary(actor, campaign: Campaign) -> None:
    if not may_run_council(actor, campaign):
        raise PermissionDenied(_("Chỉ thư ký hội đồng hoặc đơn vị tổ chức được kết thúc vòng xét."))
