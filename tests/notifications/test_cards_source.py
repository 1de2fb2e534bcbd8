"""A card request waits on the keepers of the union above the member's, until approved."""

from datetime import date

from congdoan.accounts.models import RoleKind
from congdoan.members.cards import card_approve, card_request
from congdoan.notifications import sources  # noqa: F401
from congdoan.notifications.registry import waiting
from tests.factories import user_with_role
from tests.members.registry import admit, person


def cards(user) -> list[str]:
    return [e.title for e in waiting(user) if "thẻ" in e.title]


def test_a_card_request_waits_on_the_upper_keeper_until_approved(world):
    member = admit(world.dana, world.g1, person(), joined_on=date(2020, 3, 2)).person
    card = card_request(actor=world.dana, person=member, on=date(2021, 1, 1))
    assert cards(world.charlie) == [f"Duyệt cấp thẻ đoàn viên: {member.full_name}"]
    assert [e.unit_name for e in waiting(world.charlie)] == [world.g1.latest_name]
    assert cards(world.dana) == []  # the member's own union asks, it does not approve
    assert cards(user_with_role("tuan", RoleKind.FEDERATION, world.dn)) == []
    card_approve(actor=world.charlie, card=card, on=date(2021, 1, 5))
    assert cards(world.charlie) == []
