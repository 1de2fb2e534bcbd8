"""The inbox URL for the URL walk (tests/test_url_scope.py): every official's own page."""

from tests.scope_walk import Target


def targets(world) -> dict[str, list[Target]]:
    return {"notifications:inbox": [Target()]}
