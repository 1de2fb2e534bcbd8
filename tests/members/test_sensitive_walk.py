"""Sensitive data by need, walked over every page: each role opens every page the URL walk
(tests/test_url_scope.py) knows, plus the pages that print sensitive fields (a CCCD search, the
Party filter, the export files), with every person in the registry carrying a distinctive CCCD,
phone, address and health note. Whoever does not keep the registry (the council member and the
read-only "Lãnh đạo") finds none of them in any page or file; a keeper finds them only where a
sensitive reading was logged naming that person during that request.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from congdoan.accounts.models import RoleKind
from congdoan.members.models import ExitKind, Person, SensitiveRead, SensitiveReadPerson
from congdoan.members.privacy import mask
from congdoan.members.services import member_exit
from tests.conftest import build_world
from tests.factories import user_with_role
from tests.members.registry import admit, person
from tests.scope_walk import MEMBER_KEEPERS, ROLES
from tests.test_url_scope import targets as walk_targets

# The import pages show what the officer's own file said (a CCCD the file carries, echoed in a
# row's reason); they are for the union's registry keepers only, so they are walked for masking
# (non-keepers: refused) but not for logging.
ECHOES_THE_FILE = ("imports:job", "imports:progress", "imports:errors")
PURPOSE = "purpose=B%C3%A1o+c%C3%A1o+s%E1%BB%91+li%E1%BB%87u+qu%C3%BD"
FIGURES = {"pages": 0, "reads": 0, "logged": 0}


def markers(person: Person) -> list[str]:
    return [m for m in (person.citizen_id, person.phone, person.address, person.health) if m]


def _mark_everyone() -> None:
    """Give every person a CCCD (if none), a phone, an address and a health note no page could
    print by chance, and make them Party members with consent recorded."""
    for p in Person.objects.all():
        p.phone = f"0987{p.pk:06d}"
        p.address = f"Số {p.pk:06d} ngõ Kín Đáo"
        p.health = f"Bệnh án kín mã {p.pk:06d}"
        p.sensitive_consent_on = date(2020, 1, 1)
        p.party_joined_on = p.party_joined_on or date(2015, 7, 1)
        p.save()


@pytest.fixture
def walk(db):
    world = build_world()
    gina = user_with_role("gina", RoleKind.GRASSROOTS, world.g4)
    table = walk_targets(world, gina.roles.get(), world.dana.roles.get())
    left = admit(world.alice, world.g1, person("Lê Thị Đã Rời", gender="F")).person
    member_exit(actor=world.alice, person=left, on=date(2021, 1, 4), kind=ExitKind.RETIREMENT)
    _mark_everyone()
    own = Person.objects.filter(memberships__unit=world.g1, citizen_id__isnull=False)
    own = own.exclude(pk=left.pk).first()
    pages = []
    for name, cases in table.items():
        for case in cases:
            if "get" in case.methods and name != "logout":
                pages.append((name, reverse(name, kwargs=case.inside) + case.query, case.allowed))
    everyone = set(ROLES)
    members = reverse("members:list")
    export = reverse("imports:member_export")
    pages += [  # what prints or filters on sensitive fields, beyond the walk's own queries
        ("members:list", f"{members}?q={own.citizen_id}&status=all", everyone),
        ("members:list", f"{members}?party=yes&status=all", everyone),
        ("members:list", f"{members}?unit={world.g1.pk}&status=all", everyone),
        ("imports:member_export", f"{export}?status=all&{PURPOSE}", everyone),
        ("imports:member_export", f"{export}?status=all&format=csv&{PURPOSE}", everyone),
        ("imports:member_export", f"{export}?unit={world.g1.pk}&party=yes&{PURPOSE}", everyone),
        ("members:detail", reverse("members:detail", args=[left.pk]), everyone),
    ]
    return world, pages, own


def page_text(response) -> str:
    """What a person reading the response would see: the page, or the text of the file."""
    body = response.content if not response.streaming else b"".join(response.streaming_content)
    if body.startswith(b"PK"):  # .xlsx, .docx
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return "".join(
                archive.read(n).decode("utf-8", "replace")
                for n in archive.namelist()
                if n.endswith(".xml")
            )
    if body.startswith(b"%PDF"):
        return "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(body)).pages)
    return body.decode("utf-8", "replace")


@pytest.mark.parametrize("username", ROLES)
def test_sensitive_fields_show_only_to_keepers_and_every_full_reading_is_logged(walk, username):
    world, pages, own = walk
    user = world.users[username]
    client = Client()
    client.force_login(user)
    people = {p.pk: markers(p) for p in Person.objects.all()}
    keeper = username in MEMBER_KEEPERS
    for name, url, allowed in pages:
        if username not in allowed:
            continue
        last = SensitiveRead.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        response = client.get(url)
        assert response.status_code == 200, (name, url)
        text = page_text(response)
        typed = parse_qs(urlsplit(url).query).get("q", [])
        for value in typed:  # what the user typed in the search box is echoed, not disclosed
            text = text.replace(value, "")
        shown = {pk for pk, marks in people.items() if any(m in text for m in marks)}
        FIGURES["pages"] += 1
        if not keeper:
            assert not shown, (username, name, url, "shows sensitive fields in full")
            continue
        if shown and name not in ECHOES_THE_FILE:
            logged = set(
                SensitiveReadPerson.objects.filter(read_id__gt=last).values_list(
                    "person_id", flat=True
                )
            )
            FIGURES["reads"] += 1
            assert shown <= logged, (username, name, url, "read without a log entry")
            assert SensitiveRead.objects.filter(pk__gt=last, user=user).exists()
            FIGURES["logged"] += 1
    detail = client.get(reverse("members:detail", args=[own.pk])).content.decode()
    assert (own.citizen_id in detail) is keeper  # the walk can fail: keepers do see them
    assert (mask("citizen_id", own.citizen_id) in detail) is not keeper
    assert (mask("phone", own.phone) in detail) is not keeper
    print(f"\n{username}: {FIGURES}")
