"""The audit trail's URL for the URL walk (tests/test_url_scope.py)."""

from tests.scope_walk import MEMBER_KEEPERS, Target


def targets(world) -> dict[str, list[Target]]:
    return {
        "audit:trail": [
            Target(allowed=MEMBER_KEEPERS),
            Target(
                query="?unit=G1&group=member&start=01/01/2020&end=31/12/2030",
                allowed=MEMBER_KEEPERS,
            ),
            Target(query="?unit=G4", allowed=MEMBER_KEEPERS),  # outside: "không tìm thấy"
        ]
    }
