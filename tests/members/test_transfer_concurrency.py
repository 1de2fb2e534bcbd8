"""Two officers of the receiving union accept the same transfer request at the same moment:
exactly one moves the member, the other is told the request has been answered. Row locks need
PostgreSQL."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from congdoan.accounts.models import RoleKind
from congdoan.members.models import Membership, TransferRequest
from congdoan.members.transfers import transfer_accept, transfer_request
from tests.conftest import build_world
from tests.factories import user_with_role
from tests.members.registry import admit

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_acceptances_at_once_move_the_member_once():
    if connection.vendor != "postgresql":
        pytest.skip("row locks: run with scripts/with-postgres.sh")
    world = build_world()
    officers = [user_with_role(name, RoleKind.GRASSROOTS, world.g4) for name in ("gina", "hoa")]
    member = admit(world.dana, world.g1).person
    asked = transfer_request(actor=world.dana, person=member, to_unit=world.g4)
    days = [timezone.localdate(), timezone.localdate() - timedelta(days=3)]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def accept(officer, day):
        try:
            barrier.wait()
            transfer_accept(actor=officer, request=TransferRequest.objects.get(pk=asked.pk), on=day)
            outcomes.append("ok")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=accept, args=pair) for pair in zip(officers, days, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == [
        "Yêu cầu này đã được trả lời hoặc đã hủy (Đã tiếp nhận).",
        "ok",
    ]
    assert Membership.objects.filter(person=member).count() == 2
    arrived = Membership.objects.get(person=member, ended_on__isnull=True)
    asked.refresh_from_db()
    assert (arrived.unit, asked.membership, asked.effective_on) == (
        world.g4,
        arrived,
        arrived.started_on,
    )
