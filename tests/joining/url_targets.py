"""The application queue's URLs for the URL walk: an application waiting at G1 (inside every
keeper's scope) and one at G4 (outside). The form, its look-up and the status page are public
(tests/scope_walk.py)."""

from tests.joining.helpers import apply
from tests.scope_walk import MEMBER_KEEPERS, Target


def targets(world) -> dict[str, list[Target]]:
    own = apply(world.g1, citizen_id="001301004567")
    other = apply(world.g4, citizen_id="001301004568")
    forms = {"allowed": MEMBER_KEEPERS, "methods": ("get", "post")}
    return {
        "joining:queue": [Target({"pk": world.g1.pk}, {"pk": world.g4.pk}, allowed=MEMBER_KEEPERS)],
        "joining:admit": [Target({"pk": own.pk}, {"pk": other.pk}, **forms)],
        "joining:refuse": [Target({"pk": own.pk}, {"pk": other.pk}, **forms)],
    }
