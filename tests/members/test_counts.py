"""The registry's figures for a subtree, as of a day and over a period, checked by hand."""

from datetime import date

from django.test import Client
from django.urls import reverse

from congdoan.members.counts import member_figures, period_figures
from congdoan.members.models import ExitKind, Gender
from congdoan.members.referrals import referral_advance, referral_create
from congdoan.members.services import member_exit, member_transfer
from congdoan.org.selectors import display_version
from tests.members.registry import admit, person

DAY = date(2021, 6, 30)


def _small_registry(world):
    """G1: An (man, Party member), Bình (woman); G2: Chi (woman) who left on 1/3/2021;
    G3 (Thanh Trì): Dũng. An moves from G1 to G3 on 1/4/2021."""
    an = admit(
        world.alice,
        world.g1,
        person("Nguyễn Văn An", party_joined_on=date(2015, 1, 1)),
        joined_on=date(2020, 2, 1),
    ).person
    admit(
        world.alice,
        world.g1,
        person("Trần Thị Bình", Gender.FEMALE, date(1990, 1, 1)),
        joined_on=date(2020, 5, 1),
    )
    chi = admit(
        world.alice,
        world.g2,
        person("Lê Thị Chi", Gender.FEMALE, date(1992, 1, 1)),
        joined_on=date(2021, 1, 10),
    ).person
    admit(
        world.alice,
        world.g3,
        person("Phạm Văn Dũng", birth=date(1988, 1, 1)),
        joined_on=date(2019, 1, 1),
    )
    member_exit(actor=world.alice, person=chi, on=date(2021, 3, 1), kind=ExitKind.VOLUNTARY)
    member_transfer(actor=world.alice, person=an, to_unit=world.g3, on=date(2021, 4, 1))
    return an, chi


def test_member_figures_of_a_subtree_as_of_a_day(world):
    _small_registry(world)
    hn, dd, tt = (display_version(u, DAY) for u in (world.hn, world.dd, world.tt))
    assert member_figures(hn, DAY).__dict__ == {"members": 3, "women": 1, "party_members": 1}
    assert member_figures(dd, DAY).__dict__ == {"members": 1, "women": 1, "party_members": 0}
    assert member_figures(tt, DAY).__dict__ == {"members": 2, "women": 0, "party_members": 1}
    assert member_figures(dd, date(2021, 2, 1)).members == 3


def test_period_figures_count_admissions_exits_and_referrals(world):
    _small_registry(world)
    dd = display_version(world.dd, DAY)
    first_half = period_figures(dd, date(2021, 1, 1), DAY)
    assert (first_half.admitted, first_half.left) == (1, 1)  # Chi in, Chi out; An's move is no exit
    year_2020 = period_figures(dd, date(2020, 1, 1), date(2020, 12, 31))
    assert (year_2020.admitted, year_2020.left) == (2, 0)


def test_referrals_introduced_and_admitted_in_a_period(world):
    an, _chi = _small_registry(world)
    ha = admit(
        world.alice,
        world.g2,
        person("Đỗ Thị Hà", Gender.FEMALE, date(1995, 1, 1)),
        joined_on=date(2020, 1, 5),
    ).person
    referral = referral_create(
        actor=world.charlie,
        person=ha,
        resolution_number="05/NQ-CĐCS",
        resolution_on=date(2021, 5, 1),
        party_cell="Chi bộ Trường Kim Liên",
        co_introducer="Nguyễn Văn Tâm",
    )
    referral_advance(
        actor=world.charlie,
        referral=referral,
        status="admitted",
        on=date(2022, 2, 3),
        admission_decision="12-QĐ/ĐU",
    )
    dd = display_version(world.dd, date(2022, 12, 31))
    assert period_figures(dd, date(2021, 1, 1), date(2021, 12, 31)).referred == 1
    assert period_figures(dd, date(2021, 1, 1), date(2021, 12, 31)).referrals_admitted == 0
    assert period_figures(dd, date(2022, 1, 1), date(2022, 12, 31)).referrals_admitted == 1
    ha.refresh_from_db()
    assert ha.party_joined_on == date(2022, 2, 3)


def test_the_unit_page_shows_the_figures_and_refuses_a_reversed_period(world):
    _small_registry(world)
    client = Client()
    client.force_login(world.frank)
    url = reverse("org:detail", args=[world.dd.pk])
    page = client.get(url + "?as_of=2021-06-30&from=2021-01-01&to=2021-06-30").content.decode()
    assert "Từ 01/01/2021 đến 30/06/2021" in page
    reversed_page = client.get(url + "?as_of=2021-06-30&from=2021-06-30&to=2021-01-01")
    assert "Kỳ thống kê không hợp lệ" in reversed_page.content.decode()
