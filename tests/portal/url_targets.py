"""The portal's URLs for the URL walk (tests/test_url_scope.py). A member's own pages (/me/…)
answer the member and refuse every official (403: no member record linked); none takes a
person. The keepers' pages (invitations, slips, the correction queue) are the registry
keepers' of the member's union, 404 outside it, and answer a member 404 like any official
page."""

from datetime import date

from congdoan.portal.corrections import correction_request
from congdoan.portal.selectors import member_person
from tests.portal.members import member_user
from tests.scope_walk import MEMBER_KEEPERS, Target

NOBODY: set[str] = set()
MISSING = 999_999_999


def _waiting_correction(actor, unit, name: str):
    user, person = member_user(actor, unit, full_name=name, birth=date(1990, 2, 3))
    assert member_person(user) == person
    return correction_request(actor=user, person=person, field="job", value="Kỹ sư điện")


def targets(world) -> dict[str, list[Target]]:
    own = _waiting_correction(world.alice, world.g1, "Đỗ Thị Gần")
    foreign = _waiting_correction(world.alice, world.g4, "Đỗ Thị Xa")
    mine = {"allowed": NOBODY, "member": True}
    keep = {"allowed": MEMBER_KEEPERS, "methods": ("get", "post")}
    units = ({"pk": world.g1.pk}, {"pk": world.g4.pk})
    return {
        "portal:me": [Target(**mine)],
        "portal:reads": [Target(**mine)],
        "portal:corrections": [Target(methods=("get", "post"), **mine)],
        "portal:export_json": [Target(**mine)],
        "portal:export_pdf": [Target(**mine)],
        # no award of the member's own: 404, as another member's certificate answers
        "portal:certificate": [Target({"pk": MISSING}, allowed=NOBODY)],
        "portal:invite": [Target({"pk": own.person_id}, {"pk": foreign.person_id}, **keep)],
        "portal:slips": [Target(*units, **keep)],
        "portal:queue": [Target(*units, allowed=MEMBER_KEEPERS)],
        "portal:decide": [
            Target({"pk": own.pk}, {"pk": foreign.pk}, allowed=MEMBER_KEEPERS, methods=("post",))
        ],
    }
