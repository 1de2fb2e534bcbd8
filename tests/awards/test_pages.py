"""The campaign cycle through the pages, as each officer does it; pinned query counts."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.accounts.models import RoleKind
from congdoan.awards.models import Award, Campaign, Status
from congdoan.awards.services.nominations import nominate
from congdoan.core.documents import pdf_text
from tests.awards.helpers import direct_union, dossier, official
from tests.factories import user_with_role


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _campaign_form(world, union, today):
    later = [(today + timedelta(days=d)).isoformat() for d in (10, 12, 14, 16)]
    return {
        "name": "Biểu dương cán bộ công đoàn là đảng viên tiêu biểu",
        "title": "",
        "year": today.year,
        "reference_on": today.isoformat(),
        "quota": 90,
        "requires_party_confirmation": "on",
        "nominate_by": later[0],
        "party_by": later[1],
        "upper_by": later[2],
        "council_by": later[3],
        "publication_days": 5,
        "score_max": 100,
        "pass_score": "0",
        "allocations": f"{union.code}: 1",
        "rules": ["party_member", "position"],
        "years": 3,
        "judged": "Có giải pháp hiệu quả được cấp ủy xác nhận",
        "council": [world.erin.pk],
        "secretary": world.erin.pk,
    }


@pytest.fixture
def cycle(world):
    from congdoan.awards.models import Title

    union = direct_union(world)
    person = official(union)
    hoa = user_with_role("hoa", RoleKind.GRASSROOTS, union)
    today = timezone.localdate()
    form = _campaign_form(world, union, today)
    form["title"] = Title.objects.get(code="can-bo-dang-vien-tieu-bieu").pk
    return world, union, person, hoa, today, form


def test_the_campaign_cycle_through_the_pages(cycle):
    world, union, person, hoa, today, form = cycle
    bob = _as(world.bob)
    response = bob.post(reverse("awards:campaign_new", args=[world.hn.pk]), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    campaign = Campaign.objects.get()
    assert list(campaign.council.values_list("user__username", "secretary")) == [("erin", True)]
    judged = campaign.criteria.get(rule="judged")
    officer = _as(hoa)
    upload = SimpleUploadedFile("bao-cao.txt", "Báo cáo thành tích".encode(), "text/plain")
    response = officer.post(
        reverse("awards:nominate", args=[campaign.pk]),
        {
            "attachment": upload,
            "from_unit": union.pk,
            "member_code": person.code,
            "achievement": "Vận động 12 người",
            f"judged_{judged.pk}": "Nghị quyết chi bộ số 5",
        },
    )
    assert response.status_code == 302
    nomination = campaign.nominations.get()
    page = officer.get(reverse("awards:nomination", args=[nomination.pk])).content.decode()
    assert "Vào Đảng ngày 19/05/2012" in page and "Nghị quyết chi bộ số 5" in page
    stored = nomination.attachments.get()
    download = officer.get(reverse("awards:attachment", args=[stored.pk]))
    assert download.content.decode() == "Báo cáo thành tích"
    step = lambda client, name, **data: client.post(  # noqa: E731
        reverse("awards:step", args=[nomination.pk, name]), data
    )
    step(officer, "party_confirm", committee="Chi bộ Công ty", document="12-XN/CB")
    step(bob, "upper_approve")
    erin = _as(world.erin)
    step(erin, "score", points="95,5")
    erin.post(reverse("awards:council_close", args=[campaign.pk]))
    nomination.refresh_from_db()
    assert nomination.status == Status.SELECTED and nomination.average == 95.5
    events = _events_shown(officer.get(reverse("awards:nomination", args=[nomination.pk])))
    assert events[0].startswith(f"{today:%d/%m/%Y} · Gửi đề nghị")
    assert [e.split(" · ")[1] for e in events[1:]] == [
        "Cấp ủy xác nhận",
        "Cấp trên duyệt, chuyển hội đồng",
    ]
    bob.post(reverse("awards:publish", args=[campaign.pk]))
    too_early = bob.post(
        reverse("awards:decide", args=[campaign.pk]),
        {"signed_on": today.isoformat(), "signer": "Nguyễn Phi Thường", "suffix": "QĐ-LĐLĐ"},
    )
    assert "Chưa hết thời gian công khai" in too_early.content.decode()
    bob.post(
        reverse("awards:decide", args=[campaign.pk]),
        {
            "signed_on": (today + timedelta(days=5)).isoformat(),
            "signer": "Nguyễn Phi Thường",
            "suffix": "QĐ-LĐLĐ",
        },
    )
    award = Award.objects.get()
    pdf = officer.get(reverse("awards:certificate", args=[award.pk])).content
    assert person.full_name in pdf_text(pdf)
    public = Client().get(reverse("awards:verify", args=[award.token])).content.decode()
    assert "HỢP LỆ" in public and "1/QĐ-LĐLĐ" in public and person.code not in public
    bob.post(
        reverse("awards:revoke", args=[award.pk]),
        {
            "signed_on": (today + timedelta(days=6)).isoformat(),
            "signer": "Nguyễn Phi Thường",
            "suffix": "QĐ-LĐLĐ",
            "reason": "Hồ sơ không trung thực",
        },
    )
    public = Client().get(reverse("awards:verify", args=[award.token])).content.decode()
    assert "ĐÃ THU HỒI" in public and "2/QĐ-LĐLĐ" in public
    refused = officer.get(reverse("awards:certificate", args=[award.pk]), follow=True)
    assert "đã bị thu hồi" in refused.content.decode()
    history = officer.get(reverse("awards:person", args=[person.pk])).content.decode()
    assert "Đã thu hồi theo 2/QĐ-LĐLĐ" in history


def _events_shown(response) -> list[str]:
    """The nomination page's history, one line per step (the last list on the page)."""
    html = response.content.decode()
    history = html.rsplit("<ul>", 1)[1].split("</ul>", 1)[0]
    return [re.sub(r"<[^>]+>", "", item).strip() for item in history.split("<li>")[1:]]


def test_a_bad_allocation_line_is_named_and_nothing_is_created(cycle):
    world, _union, _person, _hoa, _today, form = cycle
    form["allocations"] = "KHONG-CO: 3"
    response = _as(world.bob).post(reverse("awards:campaign_new", args=[world.hn.pk]), form)
    assert "Dòng 1" in response.content.decode() and not Campaign.objects.exists()


def test_list_and_campaign_pages_keep_their_query_counts(cycle, django_assert_max_num_queries):
    world, union, _person, _hoa, today, form = cycle
    form["allocations"] = f"{union.code}: 10"
    bob = _as(world.bob)
    bob.post(reverse("awards:campaign_new", args=[world.hn.pk]), form)
    campaign = Campaign.objects.get()
    for name in ("Thêm", "Hai", "Ba", "Bốn", "Năm"):
        nominate(
            actor=world.bob,
            campaign=campaign,
            from_unit=union,
            on=today,
            person=official(union, given=name),
            dossier=dossier(campaign),
        )
    bob.get(reverse("notifications:inbox"))  # the header's inbox count, cached after
    for url, most in [
        (reverse("awards:campaigns"), 12),
        (reverse("awards:campaign", args=[campaign.pk]), 25),
        # the council's list: the scores grouped, then the nominations (two for any number)
        (reverse("awards:council", args=[campaign.pk]), 17),
        (reverse("awards:report"), 12),
        (reverse("awards:unit", args=[union.pk]), 12),
    ]:
        with django_assert_max_num_queries(most):
            assert bob.get(url).status_code == 200


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(st.text(alphabet="AG1:-x 9", max_size=12), max_size=4))
def test_any_allocation_text_is_read_or_refused_by_line_and_creates_nothing(cycle, lines):
    world, union, _person, _hoa, _today, form = cycle
    form = {**form, "allocations": "\n".join(lines)}
    before = Campaign.objects.count()
    response = _as(world.bob).post(reverse("awards:campaign_new", args=[world.hn.pk]), form)
    if response.status_code == 302:
        campaign = Campaign.objects.latest("pk")
        assert all(a.quota >= 1 for a in campaign.allocations.all())
        campaign.delete()  # the next example starts from the same world
    else:
        page = response.content.decode()
        assert (
            "Dòng" in page or "Chỉ tiêu" in page or "này là bắt buộc" in page or "hai lần" in page
        )
        assert Campaign.objects.count() == before
