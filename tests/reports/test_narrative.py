"""The narrative paragraph, for any figures and any period: no clause about nothing
("đã giới thiệu 0 đoàn viên"), and the period read as Vietnamese ("Từ ngày …", never
"Trong từ ngày …")."""

import re
from datetime import date, timedelta
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from congdoan.members.counts import MemberFigures, PeriodFigures
from congdoan.org.selectors import State
from congdoan.reports.figures import Report
from congdoan.reports.narrative import narrative

ZERO_CLAUSE = re.compile(r"(?<![\d.,])0(?![\d.,])")
counts = st.integers(min_value=0, max_value=3) | st.integers(min_value=0, max_value=2_000_000)


def _report(start, end, members, period, grassroots) -> Report:
    version = SimpleNamespace(short_name="LĐLĐ quận Đống Đa", name="Liên đoàn Lao động quận")
    return Report(
        unit=SimpleNamespace(ended_on=None),
        version=version,
        start=start,
        end=end,
        state=State.NORMAL,
        structure_day=end,
        members=members,
        period=period,
        grassroots_total=grassroots,
    )


@settings(max_examples=200, deadline=None)
@given(
    start=st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31)),
    days=st.integers(min_value=0, max_value=800),
    women=counts,
    extra=counts,
    party=counts,
    period=st.tuples(counts, counts, counts, counts, counts, counts),
    grassroots=counts,
)
def test_no_clause_counts_nothing_and_the_period_reads_well(
    start, days, women, extra, party, period, grassroots
):
    members = MemberFigures(members=women + extra, women=women, party_members=party)
    report = _report(
        start, start + timedelta(days=days), members, PeriodFigures(*period), grassroots
    )
    text = narrative(report)
    assert not ZERO_CLAUSE.search(text), text
    assert "Trong từ" not in text and "trong từ" not in text, text
    assert text[0].isupper(), text


def test_a_plain_period_starts_the_paragraph_with_its_days():
    members = MemberFigures(members=5, women=0, party_members=0)
    report = _report(
        date(2026, 2, 3), date(2026, 3, 4), members, PeriodFigures(2, 0, 0, 0, 0, 1), 0
    )
    text = narrative(report)
    assert text.startswith("Từ ngày 03/02/2026 đến ngày 04/03/2026, LĐLĐ quận Đống Đa đã")
    assert "đoàn viên (0 nữ)" not in text and "đoàn viên." in text
    assert "1 đồng chí được giới thiệu đã được kết nạp vào Đảng." in text
    assert "giới thiệu 0" not in text
