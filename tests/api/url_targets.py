"""The account's token pages for the URL walk (tests/test_url_scope.py): every role reaches its
own tokens (an empty form is refused with its reason); another user's token is the form walk's
(tests/api/form_targets.py). The API itself is walked with tokens in tests/api/test_api_walk.py."""

from tests.scope_walk import Target


def targets(world) -> dict[str, list[Target]]:
    return {
        "tokens:list": [Target(methods=("get", "post"))],
        "tokens:revoke": [Target(methods=("post",), post_status=302)],
    }
