"""Walks every URL pattern as every role and as an anonymous visitor.

Each user gets one unit inside every scope (G1) and one outside all but the administrator's
(G4, in Đà Nẵng). Whatever is outside a user's scope answers 404 to every method and changes
nothing; pages that change data answer 403 to roles that may read but not change.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from congdoan.accounts.models import Role, RoleKind
from congdoan.members.cards import card_request
from congdoan.members.models import Official
from congdoan.members.referrals import referral_create
from congdoan.org.models import Position
from congdoan.org.views import REORGANISATIONS
from tests.conftest import build_world
from tests.factories import PersonFactory, user_with_role
from tests.members.registry import admit
from tests.members.registry import person as registry_person
from tests.portal.members import member_user
from tests.scope_walk import (
    API_PREFIX,
    BACK_OFFICE_PREFIX,
    MEMBER_KEEPERS,
    ORG_EDITORS,
    PUBLIC,
    ROLE_GRANTERS,
    ROLES,
    UPPER_KEEPERS,
    Target,
    app_targets,
)


def targets(world, foreign_role: Role, own_role: Role) -> dict[str, list[Target]]:
    own_post, foreign_post = _posts(world)
    return {
        **_org_targets(world, foreign_role, own_role, own_post, foreign_post),
        **_member_targets(world),
        **app_targets(world),
    }


def _member_targets(world) -> dict[str, list[Target]]:
    own, foreign = (_registry_of(world.alice, unit) for unit in (world.g1, world.g4))
    person, other = {"pk": own["person"].pk}, {"pk": foreign["person"].pk}
    keep = {"allowed": MEMBER_KEEPERS, "methods": ("get", "post")}
    pages = {  # forms: an empty POST, or a refused one, shows the form again with the reason
        name: [Target(person, other, **keep)]
        for name in (
            "members:edit",
            "members:transfer",
            "members:exit",
            "members:readmit",
            "members:referral_new",
            "members:card_request",
            "members:deidentify",  # refused: the member is current
        )
    }
    return {
        **pages,
        "members:list": [Target(query="?status=all&q=nguyen")],
        "members:detail": [Target(person, other)],
        "members:export": [Target(person, other, allowed=MEMBER_KEEPERS)],
        "members:reads": [Target(person, other, allowed=MEMBER_KEEPERS)],
        # nobody in the walk left long enough ago: the retention run changes nothing
        "members:retention": [
            Target(
                query="?years=5", allowed=MEMBER_KEEPERS, methods=("get", "post"), post_status=302
            )
        ],
        "members:card_step": [
            Target(
                {"pk": own["card"].pk, "step": step},
                {"pk": foreign["card"].pk, "step": step},
                allowed=UPPER_KEEPERS if step == "approve" else MEMBER_KEEPERS,
                methods=("get", "post"),
            )
            for step in ("approve", "print", "issue", "replace")
        ],
        "members:referral_step": [
            Target({"pk": own["referral"].pk}, {"pk": foreign["referral"].pk}, **keep)
        ],
        "members:admit": [Target({"pk": world.g1.pk}, {"pk": world.g4.pk}, **keep)],
        "members:admit_many": [Target({"pk": world.g1.pk}, {"pk": world.g4.pk}, **keep)],
        "members:planning": [Target({"pk": world.g1.pk}, {"pk": world.g4.pk}, **keep)],
    }


def _registry_of(actor, unit) -> dict:
    """A member of the unit with a requested card and a Party referral."""
    person = admit(
        actor, unit, registry_person(birth=date(1990, 1, 1)), joined_on=date(2010, 1, 1)
    ).person
    card = card_request(actor=actor, person=person, on=date(2020, 1, 1))
    referral = referral_create(
        actor=actor,
        person=person,
        resolution_number="1/NQ-CĐCS",
        resolution_on=date(2020, 2, 1),
        party_cell="Chi bộ 1",
        co_introducer="Trần Văn Tâm",
    )
    return {"person": person, "card": card, "referral": referral}


def _org_targets(world, foreign_role, own_role, own_post, foreign_post):
    unit = {"pk": world.g1.pk}
    foreign = {"pk": world.g4.pk}
    return {
        "home": [Target()],
        "logout": [Target(methods=("post",))],
        "org:tree": [Target(query="?as_of=2020-01-01")],
        "org:search": [Target(query="?q=da+nang")],
        "org:wards": [Target(query="?province_code=1")],
        "org:detail": [Target(unit, foreign, query="?as_of=2020-01-01")],
        "org:children": [Target(unit, foreign)],
        "org:history": [Target(unit, foreign)],
        "org:reorganise": [
            Target(
                {**unit, "kind": kind},
                {**foreign, "kind": kind},
                allowed=ORG_EDITORS,
                methods=("get", "post"),
            )
            for kind in REORGANISATIONS
        ],
        "org:appoint": [Target(unit, foreign, allowed=MEMBER_KEEPERS, methods=("get", "post"))],
        "org:end_post": [
            Target(
                {"pk": own_post.pk},
                {"pk": foreign_post.pk},
                allowed=MEMBER_KEEPERS,
                methods=("post",),
                post_status=302,
            )
        ],
        "accounts:unit_roles": [
            Target(unit, foreign, allowed=ROLE_GRANTERS, methods=("get", "post"))
        ],
        "accounts:revoke": [
            Target(
                {"pk": own_role.pk},
                {"pk": foreign_role.pk},
                allowed=ROLE_GRANTERS,
                methods=("post",),
                post_status=302,
            )
        ],
    }


def _posts(world):
    """One official's post in G1 and one in G4, to walk the end-of-post URL."""
    people = [PersonFactory(), PersonFactory()]
    chair = Position.objects.get(code="chair")
    return [
        Official.objects.create(
            unit=unit, person=person, position=chair, starts_on=date(2020, 1, 1)
        )
        for unit, person in zip((world.g1, world.g4), people, strict=True)
    ]


def url_names(resolvers=None, prefix="") -> set[str]:
    names = set()
    for entry in resolvers if resolvers is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            space = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            names |= url_names(entry.url_patterns, space)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(prefix + entry.name)
    return names


@pytest.fixture
def walk(db):
    world = build_world()
    gina = user_with_role("gina", RoleKind.GRASSROOTS, world.g4)
    foreign_role = gina.roles.get()
    own_role = world.dana.roles.get()
    return world, targets(world, foreign_role, own_role)


def test_every_url_pattern_is_walked(walk):
    _world, table = walk
    walked = set(table) | PUBLIC
    app_names = {n for n in url_names() if not n.startswith((BACK_OFFICE_PREFIX, API_PREFIX))}
    assert app_names - walked == set(), "add the new URL to targets() with its scope"


def _status(client: Client, method: str, url: str) -> int:
    return getattr(client, method)(url).status_code


def _snapshot():
    from congdoan.audit.models import AuditEntry
    from congdoan.org.models import UnitVersion

    return UnitVersion.objects.count(), AuditEntry.objects.count(), Role.objects.count()


def test_anonymous_visitors_are_sent_to_sign_in(walk, client):
    _world, table = walk
    for name, cases in table.items():
        for case in cases:
            for method in case.methods:
                url = reverse(name, kwargs=case.inside) + case.query
                response = getattr(client, method)(url)
                assert response.status_code == 302, (name, method)
                assert response["Location"].startswith(reverse("login")), name


@pytest.mark.parametrize("username", ROLES)
def test_each_role_reaches_only_its_scope(walk, username):
    world, table = walk
    client = Client()
    client.force_login(world.users[username])
    before = _snapshot()
    for name, cases in table.items():
        if name == "logout":
            continue
        for case in cases:
            for method in case.methods:
                inside = reverse(name, kwargs=case.inside) + case.query
                expected_inside = 200 if method == "get" else case.post_status
                if username not in case.allowed:
                    expected_inside = 403
                assert _status(client, method, inside) == expected_inside, (name, method)
                if case.outside is not None and username != "alice":
                    outside = reverse(name, kwargs=case.outside) + case.query
                    assert _status(client, method, outside) == 404, (name, method, "outside")
    if username not in ROLE_GRANTERS:  # granters did revoke a role above
        assert _snapshot() == before


@pytest.mark.parametrize("username", [r for r in ROLES if r != "alice"])
def test_lists_show_nothing_outside_the_scope(walk, username):
    world, _table = walk
    client = Client()
    client.force_login(world.users[username])
    for url in [
        reverse("home"),
        reverse("org:tree"),
        reverse("org:search") + "?q=da+nang",
        reverse("org:search") + "?q=cang",
    ]:
        assert "Đà Nẵng" not in client.get(url).content.decode(), url


def test_a_member_reaches_only_their_own_pages(walk):
    """A member of G1 (signed in, no official role): their own pages and account answer as for
    anyone; every other URL — G1's own pages included — answers 404, and nothing changes."""
    world, table = walk
    user, _person = member_user(world.dana, world.g1)
    client = Client()
    client.force_login(user)
    before = _snapshot()
    for name, cases in table.items():
        if name == "logout":
            continue
        for case in cases:
            for method in case.methods:
                inside = reverse(name, kwargs=case.inside) + case.query
                expected = (200 if method == "get" else case.post_status) if case.member else 404
                if name == "home":
                    expected = 302  # to their own record
                assert _status(client, method, inside) == expected, (name, method)
                if case.outside is not None:
                    outside = reverse(name, kwargs=case.outside) + case.query
                    assert _status(client, method, outside) == 404, (name, method, "outside")
    assert _snapshot() == before


def test_the_back_office_is_for_administrators_only(walk):
    world, _table = walk
    for username in ROLES:
        client = Client()
        client.force_login(world.users[username])
        status = client.get(reverse("admin:org_unittype_changelist")).status_code
        assert status == (200 if username == "alice" else 302), username
