"""Deadline reminders: three days before a campaign's nominations close, and on the day, the
keepers of each unit given a quota that has sent no nomination are told (once each: the
notice's key names the stage, the unit, the deadline and the day)."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from congdoan.awards.models import Nomination, Stage, Status, Step
from congdoan.core.text import format_date
from congdoan.notices.services import keepers_of, notify_all

DAYS_BEFORE = (3, 0)  # three days before the deadline, and on the day


def _title(stage: Stage, unit_name: str, days: int) -> str:
    names = {
        "campaign": stage.campaign.name,
        "day": format_date(stage.deadline),
        "unit": unit_name,
    }
    if days == 0:
        return _("Hôm nay (%(day)s) là hạn cuối gửi đề nghị “%(campaign)s”: %(unit)s chưa gửi") % (
            names
        )
    return _(
        "Còn %(days)s ngày đến hạn gửi đề nghị “%(campaign)s” (%(day)s): %(unit)s chưa gửi"
    ) % {
        **names,
        "days": days,
    }


@transaction.atomic
def deadlines_remind(*, on: date) -> int:
    """Remind, for the day `on`, the units that have not sent their nominations; the number of
    notices kept (0 when the day was reminded already)."""
    told = 0
    stages = Stage.objects.filter(
        step=Step.NOMINATE,
        deadline__in=[on + timedelta(days=days) for days in DAYS_BEFORE],
        campaign__council_closed_on__isnull=True,
    ).select_related("campaign")
    for stage in stages:
        days = (stage.deadline - on).days
        sent = Nomination.objects.filter(campaign=stage.campaign).exclude(status=Status.WITHDRAWN)
        waiting = (
            stage.campaign.allocations.filter(quota__gt=0)
            .exclude(pk__in=sent.filter(allocation__isnull=False).values("allocation_id"))
            .select_related("unit")
            .order_by("pk")
        )
        link = reverse("awards:campaign", args=[stage.campaign_id])
        for allocation in waiting:
            unit = allocation.unit
            key = f"awards.deadline:{stage.pk}:{unit.pk}:{stage.deadline:%Y%m%d}:{days}"
            notices = notify_all(
                keepers_of(unit), title=_title(stage, unit.latest_name, days), link=link, key=key
            )
            told += len(notices)
    return told
