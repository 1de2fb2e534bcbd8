"""The portal's URLs for the URL walk (tests/test_url_scope.py): a member's own pages answer
them and refuse every official (403: no member record linked); none names another person."""

from tests.scope_walk import Target

NOBODY: set[str] = set()


def targets(world) -> dict[str, list[Target]]:
    return {
        "portal:me": [Target(allowed=NOBODY, member=True)],
    }
