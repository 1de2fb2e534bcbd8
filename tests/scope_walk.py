"""What the URL walk (tests/test_url_scope.py) needs to know of each URL pattern.

Each app's URLs are described in `tests/<app>/url_targets.py` by a function
`targets(world) -> dict[str, list[Target]]`; the walk gathers them all, and fails for any URL
pattern that nobody described.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path

ROLES = ["alice", "bob", "charlie", "dana", "erin", "frank"]
ORG_EDITORS = {"alice", "bob", "charlie"}
ROLE_GRANTERS = {"alice", "bob"}
MEMBER_KEEPERS = {"alice", "bob", "charlie", "dana"}
UPPER_KEEPERS = {"alice", "bob", "charlie"}  # keepers of the union above G1 (card approval)
PUBLIC = {
    "login", "accounts:sign_in_code", "set_language", "awards:verify", "ops:healthz",
    "portal:activate",  # the invitation's link: tests/portal/test_activation.py
    "cards:verify", "joining:join", "joining:lookup_units", "joining:status",
}  # fmt: skip
BACK_OFFICE_PREFIX = "admin:"
API_PREFIX = "api:"  # walked with a token per role: tests/api/test_api_walk.py


@dataclass
class Target:
    """How to reach one URL pattern: its arguments inside and outside a scope, who may use it."""

    inside: dict = field(default_factory=dict)
    outside: dict | None = None
    query: str = ""
    allowed: set[str] = field(default_factory=lambda: set(ROLES))
    methods: tuple[str, ...] = ("get",)
    post_status: int = 200  # what an allowed user's POST with empty data answers
    # A member user (a registry person signed in, no official role) reaches only their own
    # pages and their account's: True where they answer them as for an allowed user; every
    # other URL answers them 404 (portal/gate.py), inside and outside alike.
    member: bool = False


def app_targets(world) -> dict[str, list[Target]]:
    table: dict[str, list[Target]] = {}
    for module_file in sorted(Path(__file__).parent.glob("*/url_targets.py")):
        module = importlib.import_module(f"tests.{module_file.parent.name}.url_targets")
        table.update(module.targets(world))
    return table
