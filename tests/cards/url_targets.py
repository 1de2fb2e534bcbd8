"""The card printing URLs for the URL walk (tests/test_url_scope.py): G1's cards inside every
keeper's scope, G4's outside. The verification page is public (tests/scope_walk.py)."""

from tests.scope_walk import MEMBER_KEEPERS, Target


def targets(world) -> dict[str, list[Target]]:
    unit, foreign = {"pk": world.g1.pk}, {"pk": world.g4.pk}
    steps = {"allowed": MEMBER_KEEPERS, "methods": ("post",), "post_status": 302}
    return {
        "cards:union": [Target(unit, foreign, allowed=MEMBER_KEEPERS)],
        "cards:pdf": [Target(unit, foreign, allowed=MEMBER_KEEPERS)],
        "cards:print": [Target(unit, foreign, **steps)],
        "cards:hand_over": [Target(unit, foreign, **steps)],
        **_member_pages(),
    }


def _member_pages() -> dict[str, list[Target]]:
    """The member's own card pages: the member's alone (officials: 403, no member record)."""
    mine = {"allowed": set(), "member": True}
    return {"cards:my_card": [Target(**mine)], "cards:my_card_worker": [Target(**mine)]}
