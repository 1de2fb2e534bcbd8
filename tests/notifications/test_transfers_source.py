"""A transfer waiting for the receiving union is in the inbox of the officer who keeps it, with
the sending union's name and the page to answer on, and leaves it once answered."""

from datetime import date

from django.utils import timezone

from congdoan.accounts.models import RoleKind
from congdoan.members.transfers import transfer_accept, transfer_request
from congdoan.notifications.registry import waiting
from tests.factories import user_with_role
from tests.members.registry import admit, person


def test_a_transfer_waits_on_the_receiving_union_until_accepted(world):
    gina = user_with_role("gina", RoleKind.GRASSROOTS, world.g4)
    member = admit(
        world.dana, world.g1, person("Lê Thị Chuyển", gender="F", birth=date(1990, 7, 15)),
        joined_on=date(2020, 3, 2),
    ).person  # fmt: skip
    asked = transfer_request(actor=world.dana, person=member, to_unit=world.g4, note="")
    [entry] = [e for e in waiting(gina) if "Lê Thị Chuyển" in e.title]
    assert entry.link == f"/transfers/{asked.pk}/" and entry.unit_name == world.g1.latest_name
    assert not [e for e in waiting(world.dana) if "Lê Thị Chuyển" in e.title]
    transfer_accept(actor=gina, request=asked, on=timezone.localdate())
    assert not [e for e in waiting(gina) if "Lê Thị Chuyển" in e.title]
