"""Transfers between two unions: the sending union asks, the receiving union accepts (choosing the
day) or refuses with a reason, either side cancels while it waits. Across federations too (G1 in
Hà Nội to G4 in Đà Nẵng, which dana's scope does not hold); a request of neither side's scope is
404; bad input is refused in Vietnamese with nothing written; the member's record shows both
steps and the kept figures follow the move.

    dana    keeps G1 (Hà Nội)     the sending side
    gina    keeps G4 (Đà Nẵng)    the receiving side, outside dana's scope
    tam     keeps G3 (Thanh Trì)  neither side
    erin    reads Hà Nội          reads the sending side, may not answer
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.accounts.models import RoleKind
from congdoan.accounts.scope import scope_for
from congdoan.audit.models import AuditEntry
from congdoan.figures import keep
from congdoan.figures.models import UnitMonth
from congdoan.members.models import (
    ExitKind,
    Membership,
    TransferRequest,
    TransferStatus,
)
from congdoan.members.selectors import readable_people
from congdoan.members.services import member_exit
from congdoan.members.transfer_selectors import (
    receiver_by_code,
    transfer_receivers,
    transfer_requests_waiting_on,
)
from congdoan.members.transfers import (
    transfer_accept,
    transfer_cancel,
    transfer_refuse,
    transfer_request,
)
from congdoan.org.services import unit_end
from tests.factories import decision, user_with_role
from tests.members.registry import admit, person

JOINED = date(2020, 3, 2)


@pytest.fixture
def gina(world):
    return user_with_role("gina", RoleKind.GRASSROOTS, world.g4)


@pytest.fixture
def tam(world):
    return user_with_role("tam", RoleKind.GRASSROOTS, world.g3)


@pytest.fixture
def member(world):
    data = person("Lê Thị Chuyển", gender="F", birth=date(1990, 7, 15), phone="0912345678")
    return admit(world.dana, world.g1, data, joined_on=JOINED).person


@pytest.fixture
def asked(world, member):
    return transfer_request(actor=world.dana, person=member, to_unit=world.g4, note="Đổi nơi làm")


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _written() -> tuple[int, ...]:
    return (
        TransferRequest.objects.count(),
        Membership.objects.count(),
        AuditEntry.objects.count(),
        TransferRequest.objects.filter(status=TransferStatus.WAITING).count(),
    )


def _refused(call, message: str) -> None:
    before = _written()
    with pytest.raises(ValidationError) as error:
        call()
    assert message in " ".join(error.value.messages)
    assert _written() == before


# --- The steps -------------------------------------------------------------------------------


def test_the_sending_union_asks_a_union_of_another_federation(world, member, asked, gina):
    assert (asked.status, asked.from_unit, asked.to_unit) == ("waiting", world.g1, world.g4)
    assert asked.requested_by == world.dana and asked.note == "Đổi nơi làm"
    entry = AuditEntry.objects.filter(action="transfer.request").get()
    assert (entry.unit_code, entry.after["to_unit"]) == ("G1", "G4")
    assert member.memberships.get(ended_on__isnull=True).unit == world.g1  # nothing moved yet


def test_the_request_waits_on_the_receiving_unions_officer_only(world, asked, gina, tam):
    (waiting,) = transfer_requests_waiting_on(gina)
    assert waiting.member_name == "Lê Thị Chuyển"
    assert waiting.from_unit_name == "Công đoàn Công ty TNHH Điện tử ASTI Hà Nội"
    assert waiting.requested_at == asked.requested_at
    assert waiting.url == reverse("members:transfer_detail", args=[asked.pk])
    for user in (world.dana, world.charlie, world.bob, world.alice, world.erin, tam):
        assert transfer_requests_waiting_on(user) == [], user.username


def test_accepting_moves_the_member_from_the_day_chosen(world, member, asked, gina):
    day = timezone.localdate() - timedelta(days=10)
    arrived = transfer_accept(actor=gina, request=asked, on=day)
    left = member.memberships.get(unit=world.g1)
    assert (left.ended_on, left.exit_kind, left.exit_note) == (
        day,
        ExitKind.TRANSFER,
        "Đổi nơi làm",
    )
    assert (arrived.unit, arrived.started_on, arrived.entry_kind) == (world.g4, day, "transfer")
    asked.refresh_from_db()
    assert (asked.status, asked.effective_on, asked.decided_by) == ("accepted", day, gina)
    assert asked.membership == arrived and asked.decided_at is not None
    assert transfer_requests_waiting_on(gina) == []
    accepted = AuditEntry.objects.get(action="transfer.accept")
    assert (accepted.unit_code, accepted.actor_username) == ("G4", "gina")
    assert accepted.before["status"] == "Chờ công đoàn nhận trả lời"
    moved = AuditEntry.objects.get(action="member.transfer")
    assert (moved.actor_username, moved.after["to_unit"]) == ("gina", "G4")


def test_the_receiving_union_reads_the_full_record_only_after_accepting(world, member, asked, gina):
    assert not readable_people(scope_for(gina)).filter(pk=member.pk).exists()
    client = _client(gina)
    assert client.get(reverse("members:detail", args=[member.pk])).status_code == 404
    page = client.get(reverse("members:transfer_detail", args=[asked.pk])).content.decode()
    assert "Lê Thị Chuyển" in page and "1990" in page and "ASTI" in page
    for private in ("15/07/1990", member.citizen_id, "0912", member.code):
        assert private not in page, private
    assert reverse("members:detail", args=[member.pk]) not in page
    transfer_accept(actor=gina, request=asked, on=timezone.localdate())
    gina = type(gina).objects.get(pk=gina.pk)  # a new request: its scope again
    assert _client(gina).get(reverse("members:detail", args=[member.pk])).status_code == 200


def test_refusing_needs_a_reason_and_leaves_the_member_where_they_are(world, member, asked, gina):
    _refused(lambda: transfer_refuse(actor=gina, request=asked, reason="  "), "Ghi lý do")
    transfer_refuse(actor=gina, request=asked, reason="Chưa có hợp đồng lao động")
    asked.refresh_from_db()
    assert (asked.status, asked.refusal_reason) == ("refused", "Chưa có hợp đồng lao động")
    assert member.memberships.get(ended_on__isnull=True).unit == world.g1
    assert AuditEntry.objects.get(action="transfer.refuse").unit_code == "G4"
    # answered: a new request may be made
    transfer_request(actor=world.dana, person=member, to_unit=world.g2)


@pytest.mark.parametrize("side", ["sending", "receiving"])
def test_either_side_cancels_before_acceptance(world, member, asked, gina, side):
    actor = world.dana if side == "sending" else gina
    transfer_cancel(actor=actor, request=asked)
    asked.refresh_from_db()
    assert (asked.status, asked.decided_by) == ("cancelled", actor)
    entry = AuditEntry.objects.get(action="transfer.cancel")
    assert entry.unit_code == ("G1" if side == "sending" else "G4")
    _refused(lambda: transfer_accept(actor=gina, request=asked, on=timezone.localdate()), "đã hủy")
    _refused(lambda: transfer_cancel(actor=actor, request=asked), "đã hủy")


def test_a_transfer_inside_one_officers_scope_is_still_one_step(world, member):
    from congdoan.members.services import member_transfer

    member_transfer(actor=world.charlie, person=member, to_unit=world.g2, on=date(2024, 1, 1))
    assert member.memberships.get(ended_on__isnull=True).unit == world.g2
    assert not TransferRequest.objects.exists()


# --- Who may do what -------------------------------------------------------------------------


def test_only_a_keeper_of_the_sending_union_may_ask(world, member, gina, tam):
    for outsider in (gina, tam, world.erin):
        with pytest.raises(PermissionDenied):
            transfer_request(actor=outsider, person=member, to_unit=world.g3)
    assert not TransferRequest.objects.exists()


def test_only_the_receiving_side_answers_and_neither_side_is_refused(world, asked, gina, tam):
    for actor in (world.dana, world.charlie, tam, world.erin):
        with pytest.raises(PermissionDenied):
            transfer_accept(actor=actor, request=asked, on=timezone.localdate())
        with pytest.raises(PermissionDenied):
            transfer_refuse(actor=actor, request=asked, reason="Không")
    for actor in (tam, world.erin):
        with pytest.raises(PermissionDenied):
            transfer_cancel(actor=actor, request=asked)
    asked.refresh_from_db()
    assert asked.status == "waiting"


def test_a_request_of_neither_sides_scope_answers_as_one_that_does_not_exist(world, asked, tam):
    client = _client(tam)
    missing = asked.pk + 1000
    for name in ("transfer_detail", "transfer_accept", "transfer_refuse", "transfer_cancel"):
        for pk in (asked.pk, missing):
            url = reverse(f"members:{name}", args=[pk])
            assert client.get(url).status_code == 404, (name, pk)
            if name != "transfer_detail":  # a page to read: GET only
                answer = {"on": "01/12/2026", "reason": "x", "confirm": "on"}
                assert client.post(url, answer).status_code == 404, (name, pk)
    asked.refresh_from_db()
    assert asked.status == "waiting"


def test_a_reader_of_one_side_sees_the_request_but_may_not_answer(world, asked):
    client = _client(world.erin)
    page = client.get(reverse("members:transfer_detail", args=[asked.pk]))
    assert page.status_code == 200 and b"transfer_accept" not in page.content
    for name in ("transfer_accept", "transfer_refuse", "transfer_cancel"):
        assert client.post(reverse(f"members:{name}", args=[asked.pk]), {}).status_code == 403


# --- Bad input -------------------------------------------------------------------------------


def test_bad_requests_are_refused_in_vietnamese_with_nothing_written(world, member, asked, gina):
    other = admit(world.dana, world.g1, person("Đỗ Văn Khác", birth=date(1988, 1, 1))).person
    _refused(
        lambda: transfer_request(actor=world.dana, person=other, to_unit=world.g1),
        "đang sinh hoạt tại công đoàn này",
    )
    _refused(
        lambda: transfer_request(actor=world.dana, person=other, to_unit=world.dd),
        "phải là công đoàn cơ sở đang hoạt động",
    )
    _refused(
        lambda: transfer_request(actor=world.dana, person=member, to_unit=world.g2),
        "đã có một yêu cầu chuyển sinh hoạt đang chờ",
    )
    _refused(
        lambda: transfer_request(actor=world.dana, person=other, to_unit=world.g4, note="x" * 1001),
        "Ghi chú dài quá",
    )
    member_exit(actor=world.dana, person=other, on=date(2024, 1, 1), kind="retirement")
    _refused(
        lambda: transfer_request(actor=world.dana, person=other, to_unit=world.g4),
        "hiện không sinh hoạt ở công đoàn nào",
    )


def test_an_ended_union_cannot_receive(world, member):
    unit_end(actor=world.alice, unit=world.g3, effective=date(2025, 7, 1), decision=decision())
    _refused(
        lambda: transfer_request(actor=world.dana, person=member, to_unit=world.g3),
        "phải là công đoàn cơ sở đang hoạt động",
    )
    with pytest.raises(ValidationError) as error:
        receiver_by_code("G3", timezone.localdate())
    assert error.value.messages == ["Không tìm thấy công đoàn cơ sở đang hoạt động mã G3."]


def test_a_member_moved_or_gone_since_the_request_cannot_be_accepted(world, member, asked, gina):
    member_exit(actor=world.dana, person=member, on=date(2024, 1, 1), kind="job_ended")
    _refused(
        lambda: transfer_accept(actor=gina, request=asked, on=timezone.localdate()),
        "không còn sinh hoạt tại công đoàn chuyển đi",
    )


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(offset=st.integers(min_value=-3000, max_value=60))
def test_the_day_chosen_lies_between_the_sending_start_and_today(
    world, member, asked, gina, offset
):
    """Not before the member's first day at the sending union (nor a year before the request),
    not after today: a day outside is refused with both bounds, and nothing is written."""
    from django.db import transaction

    today = timezone.localdate()
    day = today + timedelta(days=offset)
    first = max(JOINED + timedelta(days=1), timezone.localdate(asked.requested_at) - timedelta(366))
    with transaction.atomic():
        if first <= day <= today:
            transfer_accept(actor=gina, request=asked, on=day)
            assert member.memberships.get(ended_on__isnull=True).started_on == day
        else:
            _refused(
                lambda: transfer_accept(actor=gina, request=asked, on=day),
                f"Ngày chuyển sinh hoạt phải từ {first:%d/%m/%Y} đến {today:%d/%m/%Y}.",
            )
        transaction.set_rollback(True)


def test_a_second_acceptance_is_refused(world, member, asked, gina):
    transfer_accept(actor=gina, request=asked, on=timezone.localdate())
    _refused(
        lambda: transfer_accept(actor=gina, request=asked, on=timezone.localdate()),
        "đã được trả lời",
    )
    assert member.memberships.count() == 2


# --- Pages -----------------------------------------------------------------------------------


def test_the_request_form_finds_receivers_by_code_and_refuses_others(world, member):
    client = _client(world.dana)
    url = reverse("members:transfer_request", args=[member.pk])
    assert client.get(url).status_code == 200
    before = _written()
    page = client.post(url, {"to_unit": "DN", "note": ""})
    assert "Không tìm thấy công đoàn cơ sở đang hoạt động mã DN." in page.content.decode()
    assert "Đà Nẵng" not in page.content.decode() and _written() == before
    page = client.post(url, {"to_unit": "g4", "note": "Chuyển công tác"})
    made = TransferRequest.objects.get()
    assert page.status_code == 302 and page["Location"] == reverse(
        "members:transfer_detail", args=[made.pk]
    )
    assert made.to_unit == world.g4


def test_the_receiver_search_answers_names_and_codes_of_open_grassroots_unions(world):
    client = _client(world.dana)
    url = reverse("members:transfer_receivers")
    found = client.get(url, {"q": "cang da nang"}).json()["results"]
    assert found == [{"code": "G4", "name": "Công đoàn Cảng Đà Nẵng", "detail": ""}]
    assert client.get(url, {"q": "G4"}).json()["results"][0]["code"] == "G4"
    assert client.get(url, {"q": "da nang"}).json()["results"] == found  # not the federation
    assert client.get(url, {"q": "x" * 101}).status_code == 400
    assert _client(world.frank).get(url, {"q": "cang"}).status_code == 403
    assert transfer_receivers("", timezone.localdate()) == []


def test_the_unit_lists_count_each_status_from_the_records(world, member, asked, gina):
    for n, name in enumerate(("Một", "Hai", "Ba")):
        other = admit(world.dana, world.g1, person(f"Trần Văn {name}", birth=date(1980 + n, 2, 3)))
        made = transfer_request(actor=world.dana, person=other.person, to_unit=world.g4)
        if n == 0:
            transfer_refuse(actor=gina, request=made, reason="Không đủ điều kiện")
        if n == 1:
            transfer_cancel(actor=world.dana, request=made)
    for user, name, unit in (
        (gina, "transfers_in", world.g4),
        (world.dana, "transfers_out", world.g1),
    ):
        page = _client(user).get(reverse(f"members:{name}", args=[unit.pk])).content.decode()
        for status in TransferStatus.values:
            n = TransferRequest.objects.filter(status=status).count()
            assert f'data-status="{status}">{n}</span>' in page, (name, status)
        assert page.count(reverse("members:transfer_detail", args=[asked.pk])) == 1
    assert (
        _client(gina).get(reverse("members:transfers_out", args=[world.g1.pk])).status_code == 404
    )


def test_the_members_record_shows_both_steps(world, member, asked, gina):
    transfer_accept(actor=gina, request=asked, on=timezone.localdate())
    page = _client(world.dana).get(reverse("members:detail", args=[member.pk])).content.decode()
    steps = page[page.index('id="transfer-steps"') :]
    steps = steps[: steps.index("</table>")]
    assert "Công đoàn Công ty TNHH Điện tử ASTI Hà Nội" in steps
    assert "Công đoàn Cảng Đà Nẵng" in steps and "Đã tiếp nhận" in steps
    assert timezone.localdate().strftime("%d/%m/%Y") in steps


def test_the_pages_answer_accept_refuse_and_cancel(world, member, asked, gina):
    client = _client(gina)
    detail = client.get(reverse("members:transfer_detail", args=[asked.pk])).content.decode()
    assert reverse("members:transfer_accept", args=[asked.pk]) in detail
    page = client.post(reverse("members:transfer_refuse", args=[asked.pk]), {"reason": " "})
    assert page.status_code == 200 and TransferRequest.objects.get().status == "waiting"
    page = client.post(reverse("members:transfer_accept", args=[asked.pk]), {"on": "01/01/2019"})
    assert "Ngày chuyển sinh hoạt phải từ" in page.content.decode()
    page = client.post(reverse("members:transfer_cancel", args=[asked.pk]), {"confirm": ""})
    assert "Đánh dấu xác nhận" in page.content.decode()
    today = timezone.localdate().strftime("%d/%m/%Y")
    page = client.post(reverse("members:transfer_accept", args=[asked.pk]), {"on": today})
    assert page.status_code == 302
    assert Membership.objects.get(person=member, ended_on__isnull=True).unit == world.g4


# --- Figures ---------------------------------------------------------------------------------


def test_the_kept_monthly_figures_follow_the_accepted_move(world, member, asked, gina):
    keep.rebuild()
    day = timezone.localdate()
    transfer_accept(actor=gina, request=asked, on=day)
    assert keep.differences() == []
    month = day.replace(day=1)
    assert UnitMonth.objects.get(unit=world.g4, month=month).members == 1
    assert UnitMonth.objects.get(unit=world.g1, month=month).members == 0
