"""Access helpers for the awards pages: 404 outside the user's reach, 403 where they only read."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.awards.models import Award, Campaign, Nomination, Objection
from congdoan.awards.permissions import council_seat, may_organise
from congdoan.awards.selectors import (
    sees_all_nominations,
    visible_campaigns,
    visible_nominations,
)


def readable_campaign(request, pk: int) -> Campaign:
    scope = scope_for(request.user)
    campaign = visible_campaigns(scope).filter(pk=pk).first()
    if campaign is None:
        raise Http404
    return campaign


def organised_campaign(request, pk: int) -> Campaign:
    campaign = readable_campaign(request, pk)
    if not may_organise(request.user, campaign):
        raise PermissionDenied(_("Chỉ đơn vị tổ chức đợt khen thưởng được làm việc này."))
    return campaign


def may_see_council(user, campaign: Campaign) -> bool:
    scope = scope_for(user)
    return sees_all_nominations(scope, campaign) or council_seat(user, campaign) is not None


def council_campaign(request, pk: int) -> Campaign:
    campaign = readable_campaign(request, pk)
    if not may_see_council(request.user, campaign):
        raise PermissionDenied(_("Chỉ hội đồng và đơn vị tổ chức xem kết quả chấm."))
    return campaign


def readable_nomination(request, pk: int) -> Nomination:
    nomination = get_object_or_404(Nomination.objects.select_related("campaign"), pk=pk)
    campaign = readable_campaign(request, nomination.campaign_id)
    scope = scope_for(request.user)
    found = visible_nominations(scope, campaign).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def readable_award(request, pk: int) -> Award:
    award = get_object_or_404(
        Award.objects.select_related("campaign", "title", "person", "decision__decision"), pk=pk
    )
    readable_nomination(request, award.nomination_id)
    return award


def organised_objection(request, pk: int) -> Objection:
    objection = get_object_or_404(Objection, pk=pk)
    readable_nomination(request, objection.nomination_id)
    organised_campaign(request, objection.nomination.campaign_id)
    return objection
