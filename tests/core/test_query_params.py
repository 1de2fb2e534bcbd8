"""Hypothesis drives the query string of every page the URL walk reaches, for several roles:
no value a visitor can type answers HTTP 500.

The names each page reads are found by asking it once and recording every key looked up in
its query string (forms bound to it included), joined with the names the walk itself uses.
Every page then gets the same hostile values on all those names at once (out-of-range numbers
and dates, NUL, other scripts' digits…) and a bounded run of Hypothesis' own.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from urllib.parse import parse_qsl, urlencode

import pytest
from django.db import transaction
from django.http import QueryDict
from django.test import Client
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.accounts.models import RoleKind
from tests.conftest import build_world
from tests.factories import user_with_role
from tests.test_url_scope import targets

FUZZED_ROLES = ["alice", "dana", "frank"]
COMMON = ["from", "to", "as_of", "year", "page", "unit", "q", "type", "start", "end"]
HOSTILE = [
    "99999999999999999999",
    "-99999999999999999999",
    "9223372036854775808",
    "-1",
    "1e309",
    "0001-01-01",
    "9999-12-31",
    "2020-02-30",
    "٣",
    "１２",
    "\x00",
    " ",
    "9" * 5000,
]
VALUES = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.integers(min_value=-3, max_value=3000).map(str),
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(HOSTILE),
    st.text(max_size=24),
)


@contextmanager
def recorded_keys():
    """Every key looked up in any query string while inside."""
    keys: set[str] = set()
    originals = {
        name: getattr(MultiValueDict, name)
        for name in ("get", "getlist", "__getitem__", "__contains__")
    }

    def spy(name):
        def looked_up(self, key, *args, **kwargs):
            if isinstance(self, QueryDict) and isinstance(key, str):
                keys.add(key)
            return originals[name](self, key, *args, **kwargs)

        return looked_up

    for name in originals:
        setattr(MultiValueDict, name, spy(name))
    try:
        yield keys
    finally:
        for name, original in originals.items():
            setattr(MultiValueDict, name, original)


@pytest.fixture
def pages(db):
    """(world, [(url name, path, names it reads)]) for every page a GET reaches."""
    world = build_world()
    gina = user_with_role("gina", RoleKind.GRASSROOTS, world.g4)
    table = targets(world, gina.roles.get(), world.dana.roles.get())
    client = Client()
    client.force_login(world.alice)
    found = []
    for name, cases in sorted(table.items()):
        for case in cases:
            if "get" not in case.methods:
                continue
            path = reverse(name, kwargs=case.inside)
            with recorded_keys() as keys:
                client.get(path + case.query)
            own = {key for key, _value in parse_qsl(case.query.lstrip("?"))}
            found.append((name, path, sorted(keys | own)))
    return world, found


def _ask(client, path, params, failures):
    url = f"{path}?{urlencode(params)}"
    try:
        with transaction.atomic():  # a failure leaves the next request a usable connection
            status = client.get(url).status_code
    except Exception as error:  # the test client raises what the server would answer 500 to
        failures.append((url[:200], repr(error)[:300]))
        return
    if status >= 500:
        failures.append((url[:200], status))


def _fuzz(client, path, names, failures) -> int:
    """Hypothesis' bounded run on one page; the number of requests it made."""
    asked = []

    @settings(max_examples=6, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(params=st.dictionaries(st.sampled_from(names), VALUES, min_size=1))
    def fuzz(params):
        asked.append(params)
        _ask(client, path, params, failures)

    fuzz()
    return len(asked)


@pytest.mark.parametrize("username", FUZZED_ROLES)
def test_no_query_string_answers_500(pages, username):
    world, found = pages
    client = Client(raise_request_exception=True)
    client.force_login(world.users[username])
    failures: list = []
    asked = 0
    for _name, path, names in found:
        # a page that reads no name still gets the hostile values on the usual ones
        for value in HOSTILE if names else HOSTILE[:3]:
            _ask(client, path, dict.fromkeys(names or COMMON, value), failures)
            asked += 1
        if names:
            asked += _fuzz(client, path, names, failures)
    reading = [names for _name, _path, names in found if names]
    sys.stderr.write(
        f"\n{username}: {len(found)} pages, {len(reading)} read the query string "
        f"({sum(map(len, reading))} page × name pairs, names {sorted(set().union(*reading))}); "
        f"{asked} requests, {len(failures)} answered 500\n"
    )
    assert failures == [], "\n".join(map(str, failures))


@pytest.mark.django_db
def test_out_of_range_values_are_refused_with_a_message():
    world = build_world()
    client = Client()
    client.force_login(world.bob)
    json_url = reverse("reports:json", args=[world.g1.pk])
    for period, said in [
        ("from=0001-01-01&to=9999-12-31", "từ năm 1900 đến năm 2100"),
        ("from=2020-01-01&to=99999999999999999999", "Ngày kết thúc phải có dạng"),
    ]:
        response = client.get(f"{json_url}?{period}")
        assert response.status_code == 400 and said in response.json()["error"]
    members = reverse("members:list")
    for value, said in [
        ("99999999999999999999", "Tuổi từ phải từ 0 đến 150."),
        ("9" * 5000, "Tuổi từ phải là số nguyên."),
        ("١٢", "Tuổi từ phải là số nguyên."),
    ]:
        page = client.get(members, {"age_from": value})
        assert page.status_code == 200 and said in page.content.decode()
    refused = client.get(members, {"q": "a\x00b"})  # PostgreSQL refuses NUL in text
    assert refused.status_code == 400 and "Yêu cầu không hợp lệ" in refused.content.decode()
    posted = client.post(
        reverse("logout"), "next=%00", content_type="application/x-www-form-urlencoded"
    )
    assert posted.status_code == 400
