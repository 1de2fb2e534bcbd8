"""The inbox URLs for the URL walk (tests/test_url_scope.py): every official's own pages."""

from tests.scope_walk import Target


def targets(world) -> dict[str, list[Target]]:
    return {
        "notifications:inbox": [Target()],
        "notifications:read": [Target(methods=("post",), post_status=302)],
        "notifications:settings": [Target(methods=("get", "post"))],
    }
