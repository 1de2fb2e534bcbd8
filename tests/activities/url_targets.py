"""The activity register's URLs for the URL walk (tests/test_url_scope.py)."""

from datetime import date

from tests.activities.helpers import record
from tests.scope_walk import MEMBER_KEEPERS, ORG_EDITORS, Target


def targets(world) -> dict[str, list[Target]]:
    own, foreign = (
        record(world.alice, unit, "training", date(2024, 5, 1), people=10)
        for unit in (world.g1, world.g4)
    )
    unit, other = {"pk": world.g1.pk}, {"pk": world.g4.pk}
    return {
        "activities:list": [Target(query=f"?unit={world.g1.pk}&from=2024-01-01&to=2024-12-31")],
        "activities:new": [
            Target(unit, other, allowed=MEMBER_KEEPERS, methods=("get", "post")),
            Target(
                unit, other, query="?type=care", allowed=MEMBER_KEEPERS, methods=("get", "post")
            ),
        ],
        "activities:edit": [
            Target(
                {"pk": own.pk}, {"pk": foreign.pk}, allowed=MEMBER_KEEPERS, methods=("get", "post")
            )
        ],
        "activities:targets": [Target(unit, other, allowed=ORG_EDITORS, methods=("get", "post"))],
    }
