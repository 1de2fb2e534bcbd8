"""Schemathesis against the API's own schema (/api/schema/), in the suite: every operation
fuzzed from the schema as three roles — a city officer (bob), a grassroots officer (dana) and a
read-only token (charlie's) — bounded in examples and time. No answer is a server error, and
every answer (status, content type, body) is one the schema describes."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from congdoan.api.tokens import token_create
from congdoan.wsgi import application
from tests.awards.url_targets import _decided, _side, titles
from tests.members.registry import admit

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES = 10  # per operation, each sent as every role
ROLES = {"bob": False, "dana": False, "charlie": True}  # user: read-only token


@pytest.fixture
def api_schema(db, settings):
    """The schema, read from the app in this process. Its requests keep the test's database
    connection open, as Django's test client does (on PostgreSQL the app would close it)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield _load(settings)
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def _load(settings):
    settings.ALLOWED_HOSTS = ["*"]
    settings.CONGDOAN_API_RATE = "100000/minute"
    return schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


@pytest.fixture
def tokens(world) -> dict[str, str]:
    """Records for the fuzzer to find: members, a campaign with a nomination and an award."""
    titles()
    campaign, _nomination, _person = _side(world, world.hn, world.g1, [(world.erin, True)])
    _decided(world, campaign, world.g1, "7/QĐ-LĐLĐ")
    admit(world.alice, world.g1)
    return {
        name: token_create(
            actor=world.users[name], user=world.users[name], name="fuzz", read_only=read_only
        ).secret
        for name, read_only in ROLES.items()
    }


def _fuzz(operation, tokens: dict[str, str]) -> None:
    strategy = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(case=strategy)
    def each_case(case):
        for secret in tokens.values():  # each example as each role
            case.call_and_validate(headers={"Authorization": f"Bearer {secret}"}, checks=CHECKS)

    each_case()


def test_every_answer_matches_the_schema(api_schema, tokens):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations:
        _fuzz(operation, tokens)
