"""Every API URL as every role, each with its own token: inside the scope an answer that is not
a server error; outside it (G4, Đà Nẵng) 404, as for a code that does not exist; writes with an
empty body refused with nothing changed."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from congdoan.api.tokens import token_create
from congdoan.audit.models import AuditEntry
from congdoan.imports.models import ImportJob, ImportStatus
from congdoan.imports.services import import_upload, run_import
from tests.api.test_api import PROBLEM
from tests.awards.helpers import titles
from tests.awards.url_targets import _side
from tests.conftest import build_world
from tests.imports.workbooks import member_workbook
from tests.members.registry import admit
from tests.scope_walk import API_PREFIX, ROLES
from tests.test_url_scope import url_names

PUBLIC = {"api:schema", "api:docs", "api:certificate"}  # the certificate: test_api_awards
IMPORT_READERS = {"alice", "bob", "charlie", "dana"}  # the uploader, or who keeps the unit


def _table(world, own, foreign) -> dict[str, tuple]:
    """name: (inside kwargs, outside kwargs, query, methods[, who may GET inside: else 403])."""
    member, other = {"code": own.code}, {"code": foreign.code}
    period = "?from=2020-01-01&to=2020-12-31"
    (campaign, nomination, _p), (foreign_campaign, foreign_nomination, _fp) = _campaigns(world)
    job, foreign_job = (
        {"pk": _finished_job(world.alice, unit).pk} for unit in (world.g1, world.g4)
    )
    return {
        "api:campaigns": ({}, None, "?year=2020", ("get",)),
        "api:campaign": ({"pk": campaign.pk}, {"pk": foreign_campaign.pk}, "", ("get",)),
        "api:nominations": ({}, None, "?status=submitted", ("get", "post")),
        "api:nomination": ({"pk": nomination.pk}, {"pk": foreign_nomination.pk}, "", ("get",)),
        "api:imports": ({}, None, "?status=done", ("get", "post")),
        "api:import": (job, foreign_job, "", ("get",), IMPORT_READERS),
        "api:import_commit": (job, foreign_job, "", ("post",)),  # done: refused
        "api:import_errors": (job, foreign_job, "", ("get",), IMPORT_READERS),
        "api:units": ({}, None, "?q=cong+doan", ("get",)),
        "api:unit": ({"code": "G1"}, {"code": "G4"}, "", ("get",)),
        "api:members": ({}, None, "?status=all", ("get", "post")),
        "api:member": (member, other, "", ("get",)),
        "api:member_transfer": (member, other, "", ("post",)),
        "api:member_exit": (member, other, "", ("post",)),
        "api:member_readmit": (member, other, "", ("post",)),
        "api:report_summary": ({"unit_code": "G1"}, {"unit_code": "G4"}, period, ("get",)),
        "api:activities": ({}, None, "", ("get", "post")),
        "api:targets": ({}, None, "", ("get",)),
    }


def _campaigns(world):
    titles()
    return (
        _side(world, world.hn, world.g1, [(world.erin, True)]),
        _side(world, world.dn, world.g4, []),
    )


def _finished_job(actor, unit) -> ImportJob:
    """A list imported already: its commit is refused, its error workbook served."""
    job = import_upload(
        actor=actor, unit=unit, filename="ds.xlsx", data=member_workbook(), joined_on=None
    )
    run_import(job, write=False)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.DONE)
    return job


@pytest.fixture
def walk(db):
    world = build_world()
    own = admit(world.alice, world.g1).person
    foreign = admit(world.alice, world.g4).person
    return world, _table(world, own, foreign)


def test_every_api_url_is_walked(walk):
    _world, table = walk
    api = {n for n in url_names() if n.startswith(API_PREFIX)}
    assert api - set(table) - PUBLIC == set()


@pytest.mark.parametrize("username", ROLES)
def test_each_token_reaches_only_its_users_scope(walk, username):
    world, table = walk
    secret = token_create(actor=world.users[username], user=world.users[username], name="w")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret.secret}")
    entries = AuditEntry.objects.count()
    for name, (inside, outside, query, methods, *readers) in table.items():
        for method in methods:
            url = reverse(name, kwargs=inside) + query
            response = getattr(client, method)(url, content_type="application/json")
            if method == "get":
                expected = 200 if not readers or username in readers[0] else 403
                assert response.status_code == expected, (name, response.content)
            else:  # an empty body: refused with a reason
                assert response.status_code in (400, 403), (name, response.content)
                assert response["Content-Type"] == PROBLEM
            if outside is not None and username != "alice":
                url = reverse(name, kwargs=outside) + query
                response = getattr(client, method)(url, content_type="application/json")
                assert response.status_code == 404, (name, method, "outside")
    assert AuditEntry.objects.count() == entries  # nothing written


def test_without_a_token_every_api_url_answers_401(walk):
    _world, table = walk
    for name, (inside, _outside, query, methods, *_readers) in table.items():
        for method in methods:
            response = getattr(Client(), method)(reverse(name, kwargs=inside) + query)
            assert response.status_code == 401, name
