"""The form-field walk: every form field that names an object (a member code, a unit code, a
nominee, an allocation, a council member, a user…) posted by every role with a value outside the
role's scope. Nothing may be written, and no name of what lies outside may show; the answer is
the one for a code that does not exist. A new field naming an object fails the walk until it is
described in `tests/<app>/form_targets.py` (see tests/form_walk.py)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from congdoan.audit.models import AuditEntry
from tests.conftest import build_world
from tests.form_walk import app_cases, build_foreign, naming_fields, reference_fields
from tests.scope_walk import ROLES


@pytest.fixture
def walk(db):
    world = build_world()
    foreign = build_foreign(world)
    return world, foreign, app_cases(world, foreign)


def test_every_field_naming_an_object_is_described(walk):
    _world, _foreign, cases = walk
    described = {case.key for case in cases} | set(reference_fields())
    assert naming_fields() - described == set(), "describe it in tests/<app>/form_targets.py"


def _counts(models) -> tuple[int, ...]:
    return tuple(model.objects.count() for model in (AuditEntry, *models))


@pytest.mark.parametrize("username", ROLES)
def test_no_role_writes_or_reads_outside_its_scope_through_a_form(walk, username):
    world, foreign, cases = walk
    client = Client()
    client.force_login(world.users[username])
    problems = []
    for case in cases:
        url = reverse(case.url, kwargs=case.kwargs)
        data = case.post_data(username)
        before = _counts(case.models)
        response = client.post(url, data, follow=True)
        label = (case.key, username)
        if _counts(case.models) != before:
            problems.append((*label, "wrote"))
        if response.status_code >= 500:
            problems.append((*label, response.status_code))
        body = response.content.decode()
        if username != "alice":
            posted = str(data[case.field])
            leaked = [n for n in foreign.names if n in body and n not in posted]
            if leaked:
                problems.append((*label, "leaked", leaked))
        allowed = username in case.allowed
        if not allowed and response.status_code not in (403, 404):
            problems.append((*label, "reached", response.status_code))
        if allowed and response.status_code != case.refused_status:
            problems.append((*label, "answered", response.status_code))
        if allowed and case.message and username != "alice" and case.message not in body:
            problems.append((*label, "answered", _messages(body)))
    assert problems == [], "\n".join(str(problem) for problem in problems)


def _messages(body: str) -> list[str]:
    """The error lines of a page, to say what it answered instead."""
    import re

    return re.findall(r'class="[^"]*(?:error|alert)[^"]*"[^>]*>(.*?)<', body, re.S)[:5]
