"""What a user asked for that has moved is kept as a notice for that user only: a nomination
returned, an import written or failed, a transfer accepted, refused or cancelled, a card
approved. The inbox lists them newest first, unread highlighted; a POST marks them read."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from congdoan.accounts.models import RoleKind
from congdoan.awards.services.nominations import nomination_return, party_confirm
from congdoan.imports import services as import_services
from congdoan.imports.services import import_upload, run_import
from congdoan.members.cards import card_approve, card_request
from congdoan.members.transfers import (
    transfer_accept,
    transfer_cancel,
    transfer_refuse,
    transfer_request,
)
from congdoan.notices.models import Notice
from congdoan.notices.services import notify
from tests.awards.helpers import SUBMIT_ON
from tests.factories import user_with_role
from tests.imports.workbooks import member_workbook
from tests.members.registry import admit, person
from tests.notifications.test_inbox import chain  # noqa: F401  (the fixture)


def told(user) -> list[str]:
    return list(Notice.objects.filter(user=user).values_list("title", flat=True))


def test_a_returned_nomination_tells_who_sent_it_and_no_one_else(world, chain):  # noqa: F811
    keeper, other_keeper, nomination = chain
    party_confirm(
        actor=keeper, nomination=nomination, committee="Chi bộ", document="1-XN", on=SUBMIT_ON
    )
    nomination_return(actor=world.bob, nomination=nomination, reason="Bổ sung", on=SUBMIT_ON)
    name = nomination.person.full_name
    assert told(keeper) == [f"Hồ sơ đề nghị {name} được trả lại: Bổ sung"]
    [notice] = Notice.objects.filter(user=keeper)
    assert notice.link == reverse("awards:nomination", args=[nomination.pk])
    assert told(other_keeper) == [] and told(world.bob) == [] and told(world.charlie) == []


def test_who_returns_their_own_nomination_is_not_told(world, chain):  # noqa: F811
    keeper, _other, nomination = chain
    nomination_return(actor=keeper, nomination=nomination, reason="Rút lại", on=SUBMIT_ON)
    assert told(keeper) == []


@pytest.fixture
def own_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def _upload(world):
    return import_upload(
        actor=world.dana, unit=world.g1, filename="ds.xlsx", data=member_workbook(),
        joined_on=date(2020, 3, 2),
    )  # fmt: skip


def test_an_import_written_tells_the_uploader(world, own_cache):
    job = run_import(_upload(world), write=False)
    assert told(world.dana) == []  # the check is not the end
    run_import(job, write=True)
    assert told(world.dana) == [f"Đã ghi xong danh sách từ tệp ds.xlsx vào {world.g1.latest_name}"]
    assert Notice.objects.get(user=world.dana).link == reverse("imports:job", args=[job.pk])
    assert told(world.charlie) == [] and told(world.bob) == []


def test_an_import_failed_tells_the_uploader(world, own_cache, monkeypatch):
    def broken(job, *, write):
        raise RuntimeError("hỏng")

    monkeypatch.setattr(import_services, "_pass", broken)
    run_import(_upload(world), write=False)
    assert told(world.dana) == [
        f"Nhập danh sách từ tệp ds.xlsx vào {world.g1.latest_name} không thành công"
    ]
    assert told(world.charlie) == []


@pytest.fixture
def transfer(world):
    gina = user_with_role("gina", RoleKind.GRASSROOTS, world.g4)
    member = admit(
        world.dana, world.g1, person("Lê Thị Chuyển", gender="F", birth=date(1990, 7, 15)),
        joined_on=date(2020, 3, 2),
    ).person  # fmt: skip
    return gina, transfer_request(actor=world.dana, person=member, to_unit=world.g4, note="")


def test_an_accepted_transfer_tells_the_officer_who_asked(world, transfer):
    gina, asked = transfer
    today = timezone.localdate()
    transfer_accept(actor=gina, request=asked, on=today)
    day = today.strftime("%d/%m/%Y")
    assert told(world.dana) == [
        f"{world.g4.latest_name} đã tiếp nhận Lê Thị Chuyển chuyển sinh hoạt từ ngày {day}"
    ]
    assert Notice.objects.get(user=world.dana).link == f"/transfers/{asked.pk}/"
    assert told(gina) == [] and told(world.charlie) == [] and told(world.bob) == []


def test_a_refused_transfer_tells_the_reason(world, transfer):
    gina, asked = transfer
    transfer_refuse(actor=gina, request=asked, reason="Chưa có hợp đồng")
    assert told(world.dana) == [
        f"{world.g4.latest_name} không tiếp nhận Lê Thị Chuyển: Chưa có hợp đồng"
    ]
    assert told(gina) == []


def test_a_transfer_cancelled_by_the_receiver_tells_the_asker_but_not_by_the_asker(world, transfer):
    gina, asked = transfer
    transfer_cancel(actor=world.dana, request=asked)
    assert told(world.dana) == [] and told(gina) == []
    again = transfer_request(actor=world.dana, person=asked.person, to_unit=world.g4, note="")
    transfer_cancel(actor=gina, request=again)
    assert told(world.dana) == [
        f"Yêu cầu chuyển sinh hoạt của Lê Thị Chuyển đến {world.g4.latest_name} đã bị hủy"
    ]


def test_an_approved_card_tells_the_keepers_of_the_members_union(world):
    member = admit(world.dana, world.g1, person(), joined_on=date(2020, 3, 2)).person
    card = card_request(actor=world.dana, person=member, on=date(2021, 1, 1))
    g2_keeper = user_with_role("hoa", RoleKind.GRASSROOTS, world.g2)
    card_approve(actor=world.charlie, card=card, on=date(2021, 1, 5))
    assert told(world.dana) == [f"Cấp trên đã duyệt cấp thẻ đoàn viên: {member.full_name}"]
    assert told(g2_keeper) == [] and told(world.charlie) == [] and told(world.bob) == []


def test_a_key_tells_a_user_once_and_an_inactive_user_never(world):
    assert notify(user=world.dana, title="Nhắc hạn", key="k1") is not None
    assert notify(user=world.dana, title="Nhắc hạn", key="k1") is None
    assert notify(user=world.charlie, title="Nhắc hạn", key="k1") is not None  # per user
    world.frank.is_active = False
    world.frank.save()
    assert notify(user=world.frank, title="X") is None
    assert told(world.dana) == ["Nhắc hạn"]


def test_the_inbox_lists_the_users_own_notices_newest_first_and_a_post_marks_them_read(world):
    notify(user=world.dana, title="Cũ hơn", link="/a/")
    notify(user=world.dana, title="Mới hơn")
    notify(user=world.charlie, title="Của người khác")
    client = Client()
    client.force_login(world.dana)
    page = client.get(reverse("notifications:inbox")).content.decode()
    assert page.index("Mới hơn") < page.index("Cũ hơn") and "Của người khác" not in page
    assert page.count('class="unread"') == 2 and "Đánh dấu đã đọc" in page
    assert (
        Notice.objects.filter(user=world.dana, read_at__isnull=True).count() == 2
    )  # GET: no write
    assert client.get(reverse("notifications:read")).status_code == 405
    assert client.post(reverse("notifications:read")).status_code == 302
    assert not Notice.objects.filter(user=world.dana, read_at__isnull=True).exists()
    assert Notice.objects.filter(user=world.charlie, read_at__isnull=True).count() == 1
    page = client.get(reverse("notifications:inbox")).content.decode()
    assert 'class="unread"' not in page and "Mới hơn" in page
