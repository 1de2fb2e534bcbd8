"""The demo's reports read the seed articles' figures, computed from the records."""

from datetime import date

from django.db.models import Sum

from congdoan.activities.models import Activity
from congdoan.care.models import CareProgramme, CareTotalsMoney, Support
from congdoan.care.selectors import rollup
from congdoan.members.models import PlanningIntroduction
from congdoan.members.planning import posts_below
from congdoan.org.models import Unit
from congdoan.org.selectors import State
from congdoan.reports.documents import sections
from congdoan.reports.figures import build_report
from congdoan.reports.narrative import narrative
from congdoan.reports.summary import report_summary


def _report(code: str, start: date, end: date):
    return build_report(Unit.objects.get(code=code), start, end)


def _line(report, code: str):
    return next(line for line in report.activities if line.kind.code == code)


def check_my_duc_nine_months_of_2020():
    report = _report("LDLD-MY-DUC", date(2020, 1, 1), date(2020, 9, 30))
    assert (report.period.admitted, report.period.grassroots_established) == (554, 15)
    assert narrative(report).startswith(
        "Trong 9 tháng đầu năm 2020, LĐLĐ huyện Mỹ Đức đã phát triển 554 đoàn viên, "
        "thành lập 15 công đoàn cơ sở."
    )
    check_my_duc_introduced_57_officials_for_leadership_planning(report)


def check_my_duc_introduced_57_officials_for_leadership_planning(report):
    """Seed 002: counted from the 57 records (each an official in post in Mỹ Đức that day)."""
    introduced = PlanningIntroduction.objects.filter(unit__code="LDLD-MY-DUC")
    assert introduced.count() == 57
    assert all(
        posts_below(row.unit, row.introduced_on).filter(person=row.person_id).exists()
        for row in introduced
    )
    assert report.planning_introduced == 57
    assert report_summary(report)["leadership_planning"] == {"introduced": 57}
    assert "Đã giới thiệu 57 cán bộ công đoàn cho cấp ủy để đưa vào quy hoạch." in narrative(report)
    rows = dict(sections(report)[2][2])
    assert rows["Cán bộ công đoàn được giới thiệu để cấp ủy quy hoạch"] == "57"


def check_workers_month_2024():
    may = (date(2024, 5, 1), date(2024, 5, 31))
    health = _line(_report("LDLD-BAC-TU-LIEM", *may), "event")
    assert (health.count, health.people) == (1, 862)
    sports = _line(_report("LDLD-DONG-DA", *may), "event")
    assert (sports.count, sports.people, sports.quantity) == (1, 2_000, 130)
    training = _line(_report("LDLD-GIA-LAM", *may), "training")
    assert (training.count, training.people) == (1, 300)


def check_three_online_dialogues_in_june_2024():
    june = (date(2024, 6, 1), date(2024, 6, 30))
    assert _line(_report("LDLD-HN", *june), "dialogue").count == 3
    for code in ("LDLD-HOANG-MAI", "LDLD-CAU-GIAY", "CD-XAY-DUNG"):
        assert _line(_report(code, *june), "dialogue").count == 1


def check_cau_giay_312_initiatives_in_2025():
    report = _report("LDLD-CAU-GIAY", date(2025, 1, 1), date(2025, 12, 31))
    assert report.state == State.ENDED_DURING
    assert _line(report, "initiative").count == 312


def check_cau_giay_2025_commended_111_good_workers_beside_its_312_initiatives():
    report = _report("LDLD-CAU-GIAY", date(2025, 1, 1), date(2025, 12, 31))
    assert [n for title, n in report.awards if "Công nhân giỏi" in title] == [111]
    text = narrative(report)
    assert "có 312 sáng kiến, sáng tạo" in text and "111 Công nhân giỏi" in text


def check_tet_at_ty_care_over_300_billion():
    """The city's report of early 2025 reads over 300 billion đồng of care: what the unions
    recorded in the Tết programme (lists in some, totals elsewhere), nothing balancing it."""
    care = report_summary(_report("LDLD-HN", date(2025, 1, 1), date(2025, 2, 28)))["care"]
    assert care["money"] > 300_000_000_000
    programme = CareProgramme.objects.get(name__startswith="Chương trình Tết Sum vầy Xuân Ất Tỵ")
    itemised = Support.objects.filter(beneficiary__programme=programme)
    reported = CareTotalsMoney.objects.filter(totals__programme=programme)
    recorded = (itemised.aggregate(m=Sum("value"))["m"] or 0) + reported.aggregate(m=Sum("money"))[
        "m"
    ]
    assert care["money"] == recorded == rollup(programme)["money"]
    assert itemised.count() > 100 and reported.exists()
    assert care["supports"] == itemised.count()
    assert sum(line["money"] for line in care["by_source"]) == care["money"]
    assert not Activity.objects.filter(title__contains="Tết Sum vầy", started_on__year=2025)
    year = report_summary(_report("LDLD-HN", date(2025, 1, 1), date(2025, 12, 31)))["care"]
    assert year["money"] >= care["money"]  # the districts dissolved on 1/7 still count


def check_a_2020_report_of_an_ended_district_uses_the_2020_tree():
    report = _report("LDLD-DONG-DA", date(2020, 1, 1), date(2020, 12, 31))
    assert report.state == State.NORMAL and report.grassroots_total > 0
    assert _report("LDLD-DONG-DA", date(2026, 1, 1), date(2026, 6, 30)).state == (
        State.ENDED_BEFORE
    )


def check_all():
    """Run by tests/test_demo.py on its one build of the demo."""
    check_my_duc_nine_months_of_2020()
    check_workers_month_2024()
    check_three_online_dialogues_in_june_2024()
    check_cau_giay_312_initiatives_in_2025()
    check_cau_giay_2025_commended_111_good_workers_beside_its_312_initiatives()
    check_tet_at_ty_care_over_300_billion()
    check_a_2020_report_of_an_ended_district_uses_the_2020_tree()
