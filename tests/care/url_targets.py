"""The care pages' URLs for the URL walk (tests/test_url_scope.py): a programme of the Hà Nội
federation (which every role's union takes part in) and one of Đà Nẵng's."""

from congdoan.care.services import programme_create
from tests.care.helpers import END, START
from tests.scope_walk import MEMBER_KEEPERS, Target


def _programme(world, owner, name):
    return programme_create(
        actor=world.alice, owner=owner, name=name, starts_on=START, ends_on=END, ceiling=1_000_000
    )


def targets(world) -> dict[str, list[Target]]:
    own = _programme(world, world.hn, "Tết Sum vầy")
    foreign = _programme(world, world.dn, "Tết Đà Nẵng")
    unit, other = {"pk": world.g1.pk}, {"pk": world.g4.pk}
    part = {"pk": own.pk, "unit_pk": world.g1.pk}
    foreign_part = {"pk": foreign.pk, "unit_pk": world.g4.pk}
    return {
        "care:list": [Target(query=f"?unit={world.g1.pk}"), Target()],
        "care:new": [Target(unit, other, allowed=MEMBER_KEEPERS, methods=("get", "post"))],
        "care:programme": [Target({"pk": own.pk}, {"pk": foreign.pk})],
        "care:part": [
            Target(part, foreign_part),
            Target(part, foreign_part, allowed=MEMBER_KEEPERS, methods=("post",)),
        ],
        "care:upload": [
            Target(part, foreign_part, allowed=MEMBER_KEEPERS, methods=("get", "post"))
        ],
        "care:signatures": [
            Target({**part, "kind": "pdf"}, {**foreign_part, "kind": "pdf"}, allowed=MEMBER_KEEPERS)
        ],
    }
