"""Deadline reminders: three days before a campaign's nominations close and on the day, the
keepers of each unit with a quota that has sent nothing are told, once; not on other days,
not the units that have sent, not anyone else."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from congdoan.accounts.models import RoleKind
from congdoan.awards.services.nominations import nominate
from congdoan.notices.models import DailyRun, Notice
from congdoan.notifications.reminders import deadlines_remind
from congdoan.notifications.tasks import queue_daily
from tests.awards.helpers import SUBMIT_ON, direct_union, dossier, official, seed_campaign, titles
from tests.factories import user_with_role

DEADLINE = date(2020, 2, 10)  # the nominations' deadline of seed_campaign


@pytest.fixture
def campaign(world):
    titles()
    sent, silent = direct_union(world), direct_union(world)
    sender = user_with_role("hoa", RoleKind.GRASSROOTS, sent)
    late = user_with_role("lan", RoleKind.GRASSROOTS, silent)
    campaign = seed_campaign(world, [(sent, 3), (silent, 1)])
    nominate(
        actor=sender, campaign=campaign, from_unit=sent, person=official(sent),
        dossier=dossier(campaign), on=SUBMIT_ON,
    )  # fmt: skip
    return campaign, sender, late, silent


def told(user) -> list[str]:
    return list(Notice.objects.filter(user=user).values_list("title", flat=True))


def test_three_days_before_the_unit_that_sent_nothing_is_reminded(world, campaign):
    campaign, sender, late, silent = campaign
    assert deadlines_remind(on=date(2020, 2, 7)) == 1
    assert told(late) == [
        f"Còn 3 ngày đến hạn gửi đề nghị “{campaign.name}” (10/02/2020): "
        f"{silent.latest_name} chưa gửi"
    ]
    assert told(sender) == [] and told(world.bob) == [] and told(world.dana) == []


def test_on_the_day_again_and_on_other_days_never(world, campaign):
    campaign, _sender, late, _silent = campaign
    for day in (date(2020, 2, 6), date(2020, 2, 8), date(2020, 2, 9), date(2020, 2, 11)):
        assert deadlines_remind(on=day) == 0, day
    assert told(late) == []
    assert deadlines_remind(on=DEADLINE) == 1
    [title] = told(late)
    assert title.startswith("Hôm nay (10/02/2020) là hạn cuối gửi đề nghị")


def test_running_twice_the_same_day_reminds_once(world, campaign):
    _campaign, _sender, late, _silent = campaign
    assert deadlines_remind(on=date(2020, 2, 7)) == 1
    assert deadlines_remind(on=date(2020, 2, 7)) == 0
    out = StringIO()
    call_command("notices", "remind", "--on", "2020-02-07", stdout=out)
    assert "0 thông báo" in out.getvalue()
    assert len(told(late)) == 1


def test_the_command_reminds_the_day_it_is_given(world, campaign):
    _campaign, _sender, late, _silent = campaign
    out = StringIO()
    call_command("notices", "daily", "--on", "2020-02-10", stdout=out)
    assert "Đã nhắc hạn: 1 thông báo" in out.getvalue()
    assert len(told(late)) == 1
    with pytest.raises(CommandError, match="Ngày không hợp lệ"):
        call_command("notices", "remind", "--on", "10/02/2020")


def test_a_closed_council_reminds_no_one(world, campaign):
    campaign, _sender, late, _silent = campaign
    campaign.council_closed_on = date(2020, 2, 1)
    campaign.save()
    assert deadlines_remind(on=DEADLINE) == 0 and told(late) == []


def test_the_worker_queues_the_daily_task_once_a_day(world):
    assert queue_daily(date(2020, 2, 7)) is True
    assert queue_daily(date(2020, 2, 7)) is False
    assert queue_daily(date(2020, 2, 8)) is True
    assert DailyRun.objects.count() == 2
