"""Care programmes: one support per person per programme, never by two unions; a union's list
or its totals, never both; the roll-up by source and level adds exactly what was recorded; bad
values, dates and people are refused with nothing written."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.care.models import Beneficiary, CareTotals, Source, Support
from congdoan.care.selectors import rollup
from congdoan.care.services import supports_record, totals_record
from congdoan.org.models import Level
from tests.care.helpers import START, row, tet
from tests.members.registry import admit


def test_itemised_and_totals_roll_up_by_source_and_level(world):
    programme = tet(world)
    supports_record(actor=world.bob, programme=programme, unit=world.g1, rows=[
        row("Trần Thị Mai", "001301000001"),
        row("Lê Văn Hùng", value=500_000, source=Source.ENTERPRISE),
    ])  # fmt: skip
    totals_record(actor=world.bob, programme=programme, unit=world.g3, people=40,
                  money={Source.UNION: 30_000_000, Source.SPONSOR: 12_000_000},
                  people_by_source={Source.UNION: 40, Source.SPONSOR: 8})  # fmt: skip
    figures = rollup(programme)
    assert (figures["people"], figures["supports"]) == (42, 2)
    assert figures["money"] == 1_000_000 + 500_000 + 30_000_000 + 12_000_000
    by_source = {r["source"]: (r["people"], r["money"]) for r in figures["by_source"]}
    assert by_source == {
        "union": (41, 31_000_000), "enterprise": (1, 500_000),
        "sponsor": (8, 12_000_000), "other": (0, 0),
    }  # fmt: skip
    assert [(line["level"], line["people"], line["money"]) for line in figures["by_level"]] == [
        (Level.GRASSROOTS, 42, 43_500_000)
    ]
    totals_record(actor=world.bob, programme=programme, unit=world.dd, people=5,
                  money={Source.UNION: 4_000_000})  # fmt: skip
    by_level = rollup(programme)["by_level"]
    assert [(line["level"], line["people"], line["money"]) for line in by_level] == [
        (Level.UPPER, 5, 4_000_000), (Level.GRASSROOTS, 42, 43_500_000),
    ]  # fmt: skip
    assert by_level[0]["name"] == "Công đoàn cấp trên trực tiếp cơ sở"


def test_g4_outside_the_programme_is_refused(world):
    programme = tet(world)
    with pytest.raises(ValidationError, match="không thuộc phạm vi"):
        supports_record(actor=world.alice, programme=programme, unit=world.g4, rows=[row()])
    assert not Beneficiary.objects.exists()


def test_a_person_is_supported_once_and_by_one_union(world):
    programme = tet(world)
    member = admit(world.alice, world.g1).person
    supports_record(actor=world.bob, programme=programme, unit=world.g1,
                    rows=[row(person=member)])  # fmt: skip
    with pytest.raises(ValidationError, match="đã được hỗ trợ"):
        supports_record(actor=world.bob, programme=programme, unit=world.g1,
                        rows=[row("Ngô Bảo Châu"), row(person=member)])  # fmt: skip
    with pytest.raises(ValidationError, match="công đoàn khác"):
        supports_record(actor=world.bob, programme=programme, unit=world.g2,
                        rows=[row(person=member)])  # fmt: skip
    assert Support.objects.count() == 1  # the good first row of the refused list is not kept


def test_a_programme_that_allows_repeats_takes_a_second_support(world):
    programme = tet(world, allows_repeat=True)
    for _ in range(2):
        supports_record(actor=world.bob, programme=programme, unit=world.g1,
                        rows=[row(citizen_id="001301000002")])  # fmt: skip
    assert (Beneficiary.objects.count(), Support.objects.count()) == (1, 2)


def test_a_union_keeps_a_list_or_totals_never_both(world):
    programme = tet(world)
    supports_record(actor=world.bob, programme=programme, unit=world.g1, rows=[row()])
    with pytest.raises(ValidationError, match="danh sách từng người"):
        totals_record(actor=world.bob, programme=programme, unit=world.g1, people=3,
                      money={Source.UNION: 1_000_000})  # fmt: skip
    totals_record(actor=world.bob, programme=programme, unit=world.g2, people=3,
                  money={Source.UNION: 1_000_000})  # fmt: skip
    with pytest.raises(ValidationError, match="số tổng hợp"):
        supports_record(actor=world.bob, programme=programme, unit=world.g2, rows=[row()])
    assert CareTotals.objects.count() == 1 and Support.objects.count() == 1


def test_a_union_outside_the_users_scope_is_refused(world):
    programme = tet(world)
    with pytest.raises(PermissionDenied):
        supports_record(actor=world.dana, programme=programme, unit=world.g2, rows=[row()])


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"given_on": date(2025, 2, 1)}, "ngoài thời gian"),
        ({"given_on": date(2024, 12, 31)}, "ngoài thời gian"),
        ({"citizen_id": "12345"}, "12 chữ số"),
        ({"full_name": "  "}, "họ và tên"),
        ({"source": "bank"}, "nguồn"),
    ],
)
def test_bad_rows_are_refused_with_nothing_written(world, changes, message):
    programme = tet(world)
    with pytest.raises(ValidationError, match=message):
        supports_record(actor=world.bob, programme=programme, unit=world.g1,
                        rows=[row(), row("Phạm Hoa", **changes)])  # fmt: skip
    assert not Beneficiary.objects.exists() and not Support.objects.exists()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    value=st.one_of(st.integers(max_value=0), st.integers(min_value=2_000_001, max_value=10**15))
)
def test_negative_or_absurd_values_are_refused(world, value):
    programme = tet(world)
    with pytest.raises(ValidationError, match="Dòng 1"):
        supports_record(actor=world.bob, programme=programme, unit=world.g1,
                        rows=[row(value=value)])  # fmt: skip
    assert not Support.objects.filter(beneficiary__programme=programme).exists()


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(people=st.integers(min_value=1, max_value=500),
       money=st.integers(min_value=-(10**13), max_value=10**13))  # fmt: skip
def test_totals_are_kept_only_when_plausible(world, people, money):
    programme = tet(world)
    plausible = 0 < money <= people * programme.ceiling
    try:
        totals_record(actor=world.bob, programme=programme, unit=world.g3, people=people,
                      money={Source.SPONSOR: money})  # fmt: skip
    except ValidationError:
        assert not plausible
        assert not CareTotals.objects.filter(programme=programme).exists()
    else:
        assert plausible
        assert rollup(programme)["money"] == money


def test_the_report_json_has_the_care_key(world):
    from congdoan.reports.figures import build_report
    from congdoan.reports.summary import report_summary

    programme = tet(world)
    supports_record(actor=world.bob, programme=programme, unit=world.g1, rows=[row()])
    totals_record(actor=world.bob, programme=programme, unit=world.g3, people=4,
                  money={Source.SPONSOR: 2_000_000})  # fmt: skip
    care = report_summary(build_report(world.hn, date(2025, 1, 1), date(2025, 12, 31)))["care"]
    assert (care["people"], care["supports"], care["money"]) == (5, 1, 3_000_000)
    assert {line["source"]: line["money"] for line in care["by_source"]}["sponsor"] == 2_000_000
    assert set(care["by_source"][0]) == {"source", "name", "people", "money"}
    assert care["by_level"] == [
        {"level": 3, "name": "Công đoàn cơ sở", "people": 5, "money": 3_000_000}
    ]
    earlier = report_summary(build_report(world.hn, date(2024, 1, 1), date(2024, 12, 31)))
    assert earlier["care"]["money"] == 0


def test_a_member_already_listed_by_cccd_as_a_worker_is_known_by_it(world):
    """Listed first without the member link (a worker with a CCCD), the same person named
    again as the member with that CCCD is the same beneficiary: refused, not a second one."""
    from datetime import date as day

    from congdoan.members.models import Gender
    from tests.members.registry import person

    member = admit(world.alice, world.g1, person(
        "Trần Thị Mai", gender=Gender.FEMALE, birth=day(1988, 3, 2), citizen_id="001188000111",
    )).person  # fmt: skip
    programme = tet(world)
    supports_record(actor=world.bob, programme=programme, unit=world.g1,
                    rows=[row("Trần Thị Mai", "001188000111")])  # fmt: skip
    with pytest.raises(ValidationError, match="đã được hỗ trợ"):
        supports_record(actor=world.bob, programme=programme, unit=world.g1,
                        rows=[row("Trần Thị Mai", person=member)])  # fmt: skip
    assert Beneficiary.objects.count() == 1 and Support.objects.count() == 1


def test_a_list_naming_one_person_twice_is_refused_whole(world):
    programme = tet(world)
    with pytest.raises(ValidationError, match="Dòng 2"):
        supports_record(actor=world.bob, programme=programme, unit=world.g1, rows=[
            row("Lê Văn Hùng", "001090000222"), row("Lê Văn Hùng", "001090000222"),
        ])  # fmt: skip
    assert not Beneficiary.objects.exists()


def test_totals_of_two_sources_say_how_many_received_from_each(world):
    programme = tet(world)
    two = {Source.UNION: 3_000_000, Source.SPONSOR: 1_000_000}
    with pytest.raises(ValidationError) as refused:
        totals_record(actor=world.bob, programme=programme, unit=world.g3, people=4, money=two)
    assert "people_sponsor" in refused.value.message_dict
    with pytest.raises(ValidationError, match="không vượt quá"):
        totals_record(actor=world.bob, programme=programme, unit=world.g3, people=4, money=two,
                      people_by_source={Source.UNION: 4, Source.SPONSOR: 9})  # fmt: skip
    assert not CareTotals.objects.exists()
    totals_record(actor=world.bob, programme=programme, unit=world.g3, people=4, money=two,
                  people_by_source={Source.UNION: 4, Source.SPONSOR: 1})  # fmt: skip
    by_source = {r["source"]: r["people"] for r in rollup(programme)["by_source"]}
    assert (by_source["union"], by_source["sponsor"], rollup(programme)["people"]) == (4, 1, 4)


def test_a_district_dissolved_after_the_programme_still_counts_in_the_years_report(world):
    """The report reads each programme in its own tree: Đống Đa gave in January and merged into
    Kim Liên in July; the city's year, read in the tree of 31/12, still holds what it gave."""
    from congdoan.org.services import units_merge
    from congdoan.reports.figures import build_report
    from tests.factories import decision

    programme = tet(world)
    totals_record(actor=world.bob, programme=programme, unit=world.dd, people=7,
                  money={Source.UNION: 6_000_000})  # fmt: skip
    supports_record(actor=world.bob, programme=programme, unit=world.g1, rows=[row()])
    units_merge(actor=world.alice, sources=[world.dd], target=world.kl,
                effective=date(2025, 7, 1), decision=decision())  # fmt: skip
    year = build_report(world.hn, date(2025, 1, 1), date(2025, 12, 31)).care
    assert (
        (year["people"], year["money"])
        == (8, 7_000_000)
        == (rollup(programme)["people"], rollup(programme)["money"])
    )
    assert build_report(world.kl, date(2025, 1, 1), date(2025, 12, 31)).care["money"] == 0


def test_the_dashboard_charts_care_money_by_source_and_by_level(world):
    from congdoan.reports.dashboard import _care_charts
    from congdoan.reports.figures import build_report

    programme = tet(world)
    supports_record(actor=world.bob, programme=programme, unit=world.g1, rows=[row()])
    totals_record(actor=world.bob, programme=programme, unit=world.dd, people=3,
                  money={Source.SPONSOR: 2_000_000})  # fmt: skip
    charts = [str(c) for c in _care_charts(build_report(world.hn, START, date(2025, 12, 31)))]
    assert len(charts) == 2 and "Tiền chăm lo theo cấp công đoàn" in charts[1]
    assert "Công đoàn cơ sở" in charts[1] and "Công đoàn cấp trên trực tiếp cơ sở" in charts[1]
