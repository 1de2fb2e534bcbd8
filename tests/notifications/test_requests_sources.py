"""Applications to join and members' correction requests wait on the keepers of their union:
one line per union with how many wait, gone once they are answered; nothing outside scope."""

from django.urls import reverse

from congdoan.accounts.models import RoleKind
from congdoan.notices.models import Notice
from congdoan.notifications import sources  # noqa: F401
from congdoan.notifications.registry import waiting
from congdoan.portal.corrections import correction_accept, correction_refuse, correction_request
from tests.factories import user_with_role
from tests.joining.helpers import apply
from tests.portal.members import member_user


def lines(user, words: str) -> list[tuple[str, str]]:
    return [(e.title, e.unit_name) for e in waiting(user) if words in e.title]


def test_applications_wait_on_the_unions_keepers_counted_per_union(world):
    apply(world.g1)
    apply(world.g1, full_name="Lê Thị Hoa", phone="0912345679", citizen_id="001301004568")
    expected = [("Đơn xin gia nhập chờ xem xét: 2", world.g1.latest_name)]
    assert lines(world.dana, "gia nhập") == expected
    assert lines(world.bob, "gia nhập") == expected  # the federation keeps it too
    assert lines(world.erin, "gia nhập") == []  # a council member reads, keeps nothing
    assert lines(user_with_role("tuan", RoleKind.FEDERATION, world.dn), "gia nhập") == []


def test_a_correction_request_waits_until_answered(world):
    user, person = member_user(world.dana, world.g1)
    correction = correction_request(actor=user, person=person, field="hometown", value="Huế")
    assert lines(world.dana, "sửa hồ sơ") == [
        ("Đề nghị sửa hồ sơ chờ xem xét: 1", world.g1.latest_name)
    ]
    correction_refuse(actor=world.dana, correction=correction, reason="Chưa có giấy tờ.")
    assert lines(world.dana, "sửa hồ sơ") == []


def test_the_member_is_told_the_answer_to_their_request(world):
    user, person = member_user(world.dana, world.g1)
    asked = correction_request(actor=user, person=person, field="hometown", value="Huế")
    correction_refuse(actor=world.dana, correction=asked, reason="Chưa có giấy tờ.")
    again = correction_request(actor=user, person=person, field="hometown", value="Huế")
    correction_accept(actor=world.dana, correction=again)
    told = list(Notice.objects.filter(user=user).order_by("pk").values_list("title", "link"))
    corrections = reverse("portal:corrections")
    assert told == [
        ("Công đoàn không sửa “Quê quán” trong hồ sơ của bạn: xem lý do", corrections),
        ("Công đoàn đã sửa “Quê quán” trong hồ sơ của bạn theo đề nghị", corrections),
    ]
    assert not Notice.objects.exclude(user=user).exists()
