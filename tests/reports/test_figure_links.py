"""Every registry figure of a report opens the list behind it, and the list holds as many rows as
the figure says: for every report page of the test world (the federation, its districts, an
ended district, the ward that took its unions, a grassroots union; the year 2020 and the
year of the merger), every figure link is followed, its rows counted over every page, and the
member lists' exports counted too. Party figures open only for whoever keeps the registry."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from lxml import html

from congdoan.awards.catalogue import load_titles
from congdoan.awards.models import Title
from congdoan.members.models import ExitKind, Gender, Person, ReferralStatus, SensitiveRead
from congdoan.members.referrals import referral_advance, referral_create
from congdoan.members.services import member_exit, member_transfer
from congdoan.org.models import Sector, UnitType
from congdoan.org.services import unit_end, unit_establish
from tests.factories import decision, make_unit
from tests.members.registry import admit, person
from tests.reports.test_recognition import _award
from tests.reports.world import build_register, merge_district

PURPOSE = "Báo cáo số liệu quý"
YEAR_2020 = ("2020-01-01", "2020-12-31")
YEAR_2025 = ("2025-01-01", "2025-12-31")
PAGES = [  # (unit attribute, period)
    ("hn", YEAR_2020),
    ("dd", YEAR_2020),
    ("tt", YEAR_2020),
    ("g1", YEAR_2020),
    ("hn", YEAR_2025),
    ("dd", YEAR_2025),  # ended on 1/7/2025 (merged into KL): its figures of 30/6/2025
    ("kl", YEAR_2025),
    ("g1", YEAR_2025),
]
FIGURES = Counter()
GIVEN = ["Thêm", "Bốn", "Năm", "Sáu", "Bảy", "Tám"]


def build_movements(world) -> None:
    """On top of the register of tests/reports/world.py: a union established and one ended,
    an exit, a transfer, Party referrals introduced and admitted, awards before and after the
    merger; then the merger itself."""
    build_register(world)
    a = world.alice
    fdi = Sector.objects.get(code="fdi")
    g5 = make_unit("G5", "Công đoàn Công ty Ứng Hòa", "grassroots", world.tt, on=date(2020, 4, 1))
    g5.sector = fdi
    g5.save(update_fields=["sector"])
    g6 = make_unit("G6", "Công đoàn Xí nghiệp Đông Anh", "grassroots", world.dd)
    unit_end(actor=a, unit=g6, effective=date(2020, 8, 1), decision=decision())
    unit_establish(
        actor=a,
        code="G7",
        name="Công đoàn Trường Mầm non Kim Liên",
        unit_type=UnitType.objects.get(code="grassroots"),
        parent=world.dd,
        effective=date(2025, 3, 1),
        decision=decision(),
    )
    admit(a, g5, person("Đỗ Thị Én", Gender.FEMALE, date(1995, 4, 4)), date(2020, 5, 1))
    admit(a, world.g2, person("Hoàng Văn Giang", birth=date(1991, 2, 2)), date(2020, 2, 1))
    binh, dung, giang = (_named(n) for n in ("Trần Thị Bình", "Phạm Văn Dũng", "Hoàng Văn Giang"))
    for who, on in ((binh, date(2020, 7, 1)), (dung, date(2020, 3, 1))):
        referral_create(
            actor=a,
            person=who,
            resolution_number="3/NQ-CĐCS",
            resolution_on=on,
            party_cell="Chi bộ 1",
            co_introducer="Trần Văn Tâm",
        )
    referral_advance(
        actor=a,
        referral=dung.referrals.get(),
        status=ReferralStatus.ADMITTED,
        on=date(2020, 9, 1),
        admission_decision="12-QĐ/ĐU",
    )
    member_exit(actor=a, person=binh, on=date(2020, 10, 1), kind=ExitKind.RETIREMENT)
    member_transfer(actor=a, person=giang, to_unit=world.g1, on=date(2020, 11, 1))  # not "left"
    load_titles(Title)
    first, second = Title.objects.order_by("pk")[:2]
    _award(world, world.g1, first, date(2020, 5, 19))
    _award(world, world.g3, first, date(2020, 5, 19))
    _award(world, world.g2, second, date(2020, 9, 2))
    _award(world, world.g1, second, date(2025, 5, 2))  # under DD
    _award(world, world.g1, first, date(2025, 9, 2))  # under KL
    giang_exit = date(2025, 3, 15)
    member_exit(actor=a, person=giang, on=giang_exit, kind=ExitKind.JOB_ENDED)
    admit(a, world.g2, person("Vũ Thị Hạnh", Gender.FEMALE, date(1993, 3, 3)), date(2025, 2, 1))
    merge_district(world)
    admit(a, world.g1, person("Ngô Văn Khải", birth=date(1994, 6, 6)), date(2025, 8, 1))


def _named(full_name: str) -> Person:
    return next(p for p in Person.objects.all() if p.full_name == full_name)


@pytest.fixture
def movements(world):
    build_movements(world)
    return world


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _report(client, unit, period) -> html.HtmlElement:
    url = reverse("reports:report", args=[unit.pk]) + f"?from={period[0]}&to={period[1]}"
    response = client.get(url)
    assert response.status_code == 200
    return html.fromstring(response.content.decode())


def _figure(text: str) -> int:
    return int(text.strip().replace(".", ""))


def _rows(client, url: str, table_id: str | None) -> int:
    """Rows of the list at the URL, over all its pages; the count it prints must agree."""
    total, printed = 0, None
    while url:
        response = client.get(url)
        assert response.status_code == 200, url
        page = html.fromstring(response.content.decode())
        table = page.get_element_by_id(table_id) if table_id else page.find_class("list")[0]
        rows = [row for row in table.xpath("./tbody/tr") if not row.xpath("./td[@colspan]")]
        total += len(rows)
        if printed is None:
            printed = _printed_count(page)
        following = page.xpath("//nav[@class='pages']/a[contains(., 'Trang sau')]/@href")
        url = urlsplit(url).path + following[0] if following else ""
    assert printed == total, (url, printed, total)
    return total


def _printed_count(page) -> int:
    for text in page.xpath("//p[contains(@class,'muted')]/text()"):
        words = text.split()
        if len(words) >= 2 and words[0].replace(".", "").isdigit() and "người" in text:
            return _figure(words[0])
        if len(words) >= 2 and words[0].isdigit() and "công đoàn cơ sở" in text:
            return int(words[0])
    raise AssertionError("no count printed")


def _exported(client, url: str) -> int:
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    query |= {"purpose": PURPOSE, "format": "csv"}
    response = client.get(reverse("imports:member_export") + "?" + urlencode(query))
    assert response.status_code == 200
    return len(list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))) - 1


def _award_count(client, url: str, title: str) -> int:
    page = html.fromstring(client.get(url).content.decode())
    for row in page.xpath("//table/tbody/tr"):
        cells = [cell.text_content().strip() for cell in row.xpath("./td")]
        if cells and cells[0] == title:
            return int(cells[2])
    return 0


def _follow(client, link) -> int:
    url = link.get("href")
    name = urlsplit(url).path
    if name == reverse("members:list"):
        listed = _rows(client, url, None)
        assert _exported(client, url) == listed, url
        FIGURES["exports"] += 1
        return listed
    if name.endswith("/units/"):
        return _rows(client, url, "units")
    if name.endswith("/referrals/"):
        return _rows(client, url, "referrals")
    if name.endswith("/planning/"):
        return _rows(client, url, "planning")
    if name == reverse("awards:report"):
        title = link.getparent().getprevious().text_content().strip()
        return _award_count(client, url, title)
    raise AssertionError(f"a figure links to an unknown list: {url}")


def test_every_figure_link_opens_a_list_of_that_many_rows(movements):
    world = movements
    bob = _client(world.bob)
    seen = set()
    for attr, period in PAGES:
        page = _report(bob, getattr(world, attr), period)
        links = page.xpath("//a[@class='figure']")
        cards = page.xpath("//section[@class='card']//dd")
        assert cards and all(dd.xpath("./a[@class='figure']") for dd in cards), (attr, period)
        for link in links:
            shown = _figure(link.text_content())
            assert _follow(bob, link) == shown, (attr, period, link.get("href"))
            FIGURES["links"] += 1
            FIGURES["nonzero"] += shown > 0
            seen.add(urlsplit(link.get("href")).path.split("/")[-2])
    assert {"members", "units", "referrals", "report"} <= seen
    assert FIGURES["nonzero"] >= 40, FIGURES
    print(f"\nfigure links followed: {dict(FIGURES)}")


def test_the_ended_district_links_to_its_last_day(movements):
    world = movements
    bob = _client(world.bob)
    page = _report(bob, world.dd, YEAR_2025)
    members = page.xpath("//dt[.='Tổng số cuối kỳ']/following-sibling::dd[1]/a")[0]
    assert "as_of=2025-06-30" in members.get("href")
    # An, Chi, Hạnh in G1 and G2 on 30/6/2025 (Bình left in 2020, Giang in March 2025)
    assert _figure(members.text_content()) == 3
    today = bob.get(reverse("members:list") + f"?unit={world.dd.pk}").content.decode()
    assert "0 người" in today  # the district has no members today: it ended


def test_party_figures_open_only_for_registry_keepers(movements):
    world = movements
    frank = _client(world.frank)
    page = _report(frank, world.hn, YEAR_2020)
    party = page.xpath("//dt[.='Đảng viên']/following-sibling::dd[1]")[0]
    assert not party.xpath("./a") and _figure(party.text_content()) == 2
    referred = page.xpath("//dt[.='Được giới thiệu']/following-sibling::dd[1]")[0]
    assert not referred.xpath("./a")
    url = reverse("reports:referrals", args=[world.hn.pk]) + "?from=2020-01-01&to=2020-12-31"
    assert frank.get(url).status_code == 403
    bob = _client(world.bob)
    before = SensitiveRead.objects.count()
    listed = html.fromstring(bob.get(url).content.decode())
    assert len(listed.get_element_by_id("referrals").xpath("./tbody/tr")) == 2
    assert SensitiveRead.objects.count() == before + 1  # the reading is logged


def test_out_of_scope_units_in_the_query_string_are_not_found(movements):
    world = movements
    charlie = _client(world.charlie)  # DD and below
    for url in (
        reverse("members:list") + f"?unit={world.g4.pk}&as_of=2020-12-31",
        reverse("members:list") + f"?unit={world.tt.pk}&admitted_from=2020-01-01",
        reverse("reports:units", args=[world.tt.pk]) + "?kind=established",
        reverse("reports:referrals", args=[world.g3.pk]),
        reverse("awards:report") + f"?unit={world.g4.pk}&as_of=2020-12-31",
    ):
        assert charlie.get(url).status_code == 404, url


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("as_of=2020-13-01", "Đoàn viên vào ngày phải có dạng"),
        ("admitted_from=99999-01-01", "Kết nạp từ ngày phải có dạng"),
        ("left_to=0001-01-01", "Rời tổ chức đến ngày phải trong khoảng từ năm 1900"),
        ("admitted_from=2020-12-31&admitted_to=2020-01-01", "Kết nạp: ngày cuối phải từ ngày đầu"),
    ],
)
def test_bad_dates_are_refused_with_a_message(movements, query, message):
    """The refused filter is left out: the rest of the list is shown (today's members)."""
    bob = _client(movements.bob)
    response = bob.get(reverse("members:list") + f"?unit={movements.hn.pk}&{query}")
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    today = bob.get(reverse("members:list") + f"?unit={movements.hn.pk}").content.decode()
    assert _printed_count(html.fromstring(page)) == _printed_count(html.fromstring(today))


def test_drill_lists_cost_a_fixed_number_of_queries(movements):
    """The member list by admission dates and the unions list, with more rows: same queries."""
    world = movements
    bob = _client(world.bob)
    urls = [
        reverse("members:list")
        + f"?unit={world.hn.pk}&status=all&admitted_from=2020-01-01&admitted_to=2020-12-31",
        reverse("members:list") + f"?unit={world.hn.pk}&status=all&as_of=2020-12-31",
        reverse("reports:units", args=[world.hn.pk]) + "?from=2020-01-01&to=2020-12-31",
        reverse("reports:referrals", args=[world.hn.pk])
        + "?kind=introduced&from=2020-01-01&to=2020-12-31",
    ]

    def queries() -> list[int]:
        found = []
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                assert bob.get(url).status_code == 200
            found.append(len(captured))
        return found

    queries()  # the header's inbox count, kept for a minute after the first page
    before = queries()
    for n in range(3):
        unit = make_unit(
            f"GX{n}", f"Công đoàn Xưởng {n}", "grassroots", world.tt, on=date(2019, 1, 1)
        )
        for k in range(2):
            name = f"Lý Văn {GIVEN[2 * n + k]}"
            member = admit(world.alice, unit, person(name), date(2020, 6, 1))
            referral_create(
                actor=world.alice,
                person=member.person,
                resolution_number="9/NQ",
                resolution_on=date(2020, 7, 1),
                party_cell="Chi bộ 2",
                co_introducer="Trần Văn Tâm",
            )
    assert queries() == before
