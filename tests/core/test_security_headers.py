"""A Content-Security-Policy without inline script on every page, templates that need none,
and `Cache-Control: no-store` on every page a signed-in user gets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from congdoan.accounts.models import RoleKind
from tests.conftest import build_world
from tests.factories import user_with_role
from tests.test_url_scope import targets

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "congdoan" / "templates"
# Rendered into PDF or Word by the server, never served as a page: their <style> is fine.
# A paper's template lives under documents/ or is named *_pdf.html.
PAPERS = ("documents/",)
PAPER_SUFFIX = "_pdf.html"
INLINE = {
    "an inline <script>": re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>"),
    "an on…= handler": re.compile(r"\son[a-z]+\s*=", re.IGNORECASE),
    "a style= attribute": re.compile(r"\sstyle\s*=", re.IGNORECASE),
    "a <style> element": re.compile(r"<style\b", re.IGNORECASE),
    "a javascript: link": re.compile(r"javascript:", re.IGNORECASE),
    "htmx's hx-on (needs eval)": re.compile(r"\shx-on", re.IGNORECASE),
}


def test_no_page_template_needs_inline_script_or_style():
    found = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = str(path.relative_to(TEMPLATES))
        if name.startswith(PAPERS) or name.endswith(PAPER_SUFFIX):
            continue
        text = path.read_text(encoding="utf-8")
        found += [f"{name}: {what}" for what, pattern in INLINE.items() if pattern.search(text)]
    assert found == [], "the Content-Security-Policy blocks these: use site.js or site.css"


def _policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


@pytest.mark.django_db
def test_every_page_has_a_policy_without_inline_script(client):
    for response in (client.get(reverse("login")), client.get("/missing/")):
        policy = _policy(response)
        assert policy["script-src"] == "'self'"
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert "unsafe-eval" not in response["Content-Security-Policy"]
        assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"


@pytest.fixture
def walk(db):
    world = build_world()
    gina = user_with_role("gina", RoleKind.GRASSROOTS, world.g4)
    return world, targets(world, gina.roles.get(), world.dana.roles.get())


def test_every_signed_in_page_says_no_store(walk):
    """Every page of the URL walk, any status (pages, refusals, downloads, htmx fragments)."""
    world, table = walk
    client = Client()
    client.force_login(world.bob)
    missing = []
    for name, cases in table.items():
        for case in cases:
            if "get" not in case.methods:
                continue
            response = client.get(reverse(name, kwargs=case.inside) + case.query)
            control = response.get("Cache-Control", "")
            if "no-store" not in control or "private" not in control:
                missing.append((name, response.status_code, control))
            assert "Content-Security-Policy" in response, name
    for url in ("/missing/", reverse("home")):
        assert "no-store" in client.get(url)["Cache-Control"]
    assert missing == []
