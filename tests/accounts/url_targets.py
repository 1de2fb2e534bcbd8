"""A user's own account pages for the URL walk (tests/test_url_scope.py): each role reaches its
own, and none names another user."""

from tests.scope_walk import Target


def targets(world) -> dict[str, list[Target]]:
    return {
        "accounts:security": [Target(member=True)],
        "accounts:password_change": [Target(methods=("get", "post"), member=True)],
        "accounts:otp_enrol": [Target(methods=("get", "post"), member=True)],
        "accounts:recovery_codes": [Target(methods=("post",), post_status=302, member=True)],
        "accounts:otp_remove": [Target(methods=("post",), post_status=302, member=True)],
        # the type-ahead lookups answer only what the user's scope reads (test_lookup_endpoint)
        "accounts:lookup_units": [Target(query="?q=cong+doan")],
        "accounts:lookup_members": [Target(query="?q=nguyen")],
        "accounts:lookup_users": [Target(query="?q=a")],
    }
