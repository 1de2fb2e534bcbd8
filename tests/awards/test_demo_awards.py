"""`congdoan demo` builds the commendation facts of the seed articles, every figure from records
through the awards services."""

from datetime import date

from congdoan.accounts.scope import Scope
from congdoan.awards.models import Award, Campaign, Nomination, Status
from congdoan.awards.selectors import counts_by_title, person_awards
from congdoan.org.models import Unit


def _counts(start: date, end: date, unit=None) -> dict[str, int]:
    rows = counts_by_title(Scope(everything=True), start=start, end=end, unit=unit)
    return {row["title__name"]: row["total"] for row in rows}


def check_a_campaign_is_open_to_try():
    from django.utils import timezone

    from congdoan.awards.models import Step
    from congdoan.awards.selectors import deadline

    today = timezone.localdate()
    open_now = [c for c in Campaign.objects.all() if (deadline(c, Step.NOMINATE) or today) > today]
    assert [c.name for c in open_now] == [f"Công nhân giỏi Thủ đô năm {today.year}"]
    assert open_now[0].allocations.count() == 3
    statuses = sorted(open_now[0].nominations.values_list("status", flat=True))
    assert statuses == sorted(["submitted", "submitted", "upper_approved", "returned"])


def check_each_role_has_work_in_its_inbox():
    """The open campaign's nominations wait on kimlien, hoidong and thanhpho; the returned one
        is a notice to kimlien, who sent it; the transfer waits at ASTI, and so does this year's
    Party-member officials nomination for the Party cell; a 2025 quality rating waits on kimlien."""
    from congdoan.accounts.models import User
    from congdoan.notices.models import Notice
    from congdoan.notifications.registry import waiting

    for name in ("kimlien", "hoidong", "thanhpho", "asti"):
        assert waiting(User.objects.get(username=name)), name
    asti = [e.title for e in waiting(User.objects.get(username="asti"))]
    assert any(title.startswith("Chờ cấp ủy xác nhận: Nguyễn Đức Nhân") for title in asti), asti
    kimlien = [e.title for e in waiting(User.objects.get(username="kimlien"))]
    assert "Xếp loại chất lượng năm 2025 chờ thẩm định: 1" in kimlien, kimlien
    assert Notice.objects.filter(user__username="kimlien", read_at__isnull=True).exists()


def check_all():
    """Run by tests/test_demo.py on its one build of the demo."""
    check_a_campaign_is_open_to_try()
    check_each_role_has_work_in_its_inbox()
    year_2020 = _counts(date(2020, 1, 1), date(2020, 12, 31))
    assert year_2020["Cán bộ công đoàn là đảng viên tiêu biểu"] == 90
    assert year_2020["Công nhân giỏi cấp ngành"] == 276
    assert year_2020["Công nhân giỏi Thủ đô"] == 18
    assert year_2020["Cá nhân điển hình tiên tiến"] == 178
    cau_giay = Unit.objects.get(code="LDLD-CAU-GIAY")
    assert _counts(date(2025, 1, 1), date(2025, 12, 31), cau_giay) == {
        "Công nhân giỏi cấp quận, huyện": 111
    }
    seed = Campaign.objects.get(title__code="can-bo-dang-vien-tieu-bieu", year=2020)
    assert (seed.ceremony_on, seed.criteria.count()) == (date(2020, 3, 11), 5)
    nhan = Award.objects.get(
        campaign=seed, person__given_name="Nhân", nominating_unit__code="CDCS-ASTI"
    )
    assert nhan.person.full_name == "Nguyễn Đức Nhân"
    assert [a.title.code for a in person_awards(nhan.person)] == ["can-bo-dang-vien-tieu-bieu"]
    city = Nomination.objects.filter(campaign__title__code="cong-nhan-gioi-thu-do")
    assert city.filter(status=Status.AWARDED, source_award__isnull=False).count() == 18
