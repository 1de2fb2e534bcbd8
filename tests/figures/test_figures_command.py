"""`congdoan figures rebuild` and `congdoan figures check`, and reports reading the kept rows."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from congdoan.figures import reads
from congdoan.figures.keep import is_built
from congdoan.figures.models import ActivityMonth, BuiltMark, PathMonth, UnitMonth
from congdoan.figures.rollup import prefixes
from congdoan.reports.figures import build_report
from tests.reports.world import build_register, merge_district


@pytest.fixture
def register(world):
    build_register(world)
    merge_district(world)
    return world


def _run(*args) -> str:
    out = StringIO()
    call_command("figures", *args, stdout=out)
    return out.getvalue()


def test_an_empty_database_starts_with_its_figures_built(db):
    assert is_built()  # the migration found nothing to count


def test_the_writes_kept_the_figures_check_finds_nothing(register):
    assert "khớp với hồ sơ" in _run("check")
    row = UnitMonth.objects.get(unit=register.g1, month=date(2020, 6, 1))
    assert (row.members, row.women, row.party, row.admitted) == (2, 1, 1, 1)


def test_a_broken_summary_names_the_unit_month_and_figure(register):
    UnitMonth.objects.filter(unit=register.g1, month=date(2020, 6, 1)).update(women=7)
    ActivityMonth.objects.filter(unit=register.g3).delete()  # count, people, money, quantity
    out = StringIO()
    with pytest.raises(CommandError, match="5 số liệu khác") as raised:
        call_command("figures", "check", stdout=out)
    assert raised.value.returncode == 1
    lines = out.getvalue().splitlines()
    assert "G1 2020-06 women: kept 7, counted 1" in lines
    assert any(
        line.startswith("G3 2020-09 activity initiative money") and "kept (no row)" in line
        for line in lines
    )


def test_a_broken_roll_up_names_the_upper_union(register):
    PathMonth.objects.filter(prefix=_path(register.hn), month=date(2020, 6, 1)).update(women=9)
    out = StringIO()
    with pytest.raises(CommandError, match="1 số liệu khác"):
        call_command("figures", "check", stdout=out)
    assert any(
        line.startswith("HN 2020-06 below: women: kept 9") for line in out.getvalue().splitlines()
    )
    _run("rebuild")
    assert "khớp" in _run("check")


def _path(unit) -> str:
    return unit.versions.get(valid_to__isnull=True).path


def test_rebuild_of_a_unit_mends_its_subtree_only(register):
    UnitMonth.objects.filter(unit=register.g1).update(members=0)
    UnitMonth.objects.filter(unit=register.g3).update(members=0)
    assert "đơn vị" in _run("rebuild", "--unit", "dd")
    with pytest.raises(CommandError):
        call_command("figures", "check", stdout=StringIO())
    _run("rebuild")
    assert "khớp" in _run("check")


def test_an_unknown_unit_is_refused(register):
    with pytest.raises(CommandError, match="Không có đơn vị"):
        call_command("figures", "rebuild", "--unit", "NOPE")


def test_whole_months_read_the_kept_rows_other_periods_count_live(register):
    """Whole months from the kept rows; a period from a first to a day inside a month from its
    kept months and its last days; a period from any other day counted live."""
    assert reads.kept_for(date(2020, 1, 1), date(2020, 12, 31))
    assert not reads.kept_for(date(2020, 1, 1), date(2020, 12, 30))
    assert not reads.kept_for(date(2020, 1, 2), date(2020, 12, 31))
    UnitMonth.objects.filter(unit=register.g1).update(members=100)  # the kept rows are read
    assert build_report(register.g1, date(2020, 1, 1), date(2020, 12, 31)).members.members == 100
    day = date(2020, 12, 31)
    g1_path = register.g1.versions.valid_on(day).get().path
    child = prefixes(g1_path)[register.hn.versions.valid_on(day).get().depth + 1]
    below_hn = PathMonth.objects.filter(prefix=child).order_by("month").first()
    below_hn.members += 98  # an upper union reads the rows rolled up below its children
    below_hn.save()
    assert build_report(register.hn, date(2020, 1, 1), date(2020, 12, 31)).members.members == 101
    assert build_report(register.hn, date(2020, 1, 1), date(2020, 12, 30)).members.members == 101
    assert build_report(register.hn, date(2020, 1, 2), date(2020, 12, 30)).members.members == 3


def test_until_built_the_reports_count_live(register):
    UnitMonth.objects.all().delete()
    BuiltMark.objects.all().delete()
    report = build_report(register.hn, date(2020, 1, 1), date(2020, 12, 31))
    assert report.members.members == 3
    _run("rebuild")
    assert is_built()
    assert build_report(register.hn, date(2020, 1, 1), date(2020, 12, 31)).members.members == 3
