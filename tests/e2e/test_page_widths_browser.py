"""Every page of the URL walk, opened in Chromium at a desktop's and a phone's width, fits it:
whatever is wider than the screen (a table of twelve months, a long list) scrolls inside its
own box, never the page. The walk's world is small, so the width comes from the layout."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError

from congdoan.activities.models import ActivityField, ActivityType
from congdoan.activities.reference import load_activity_types
from tests.conftest import build_world
from tests.e2e.conftest import sign_in
from tests.factories import user_with_role
from tests.test_url_scope import targets

pytestmark = pytest.mark.browser
PASSWORD = "mat-khau-thu"
WIDTHS = (1280, 390)
FILES = (".pdf", ".xlsx", ".docx", ".csv", ".json", ".png", ".svg", ".zip", ".txt", ".xml")


def _pages(world) -> list[tuple[str, str]]:
    from congdoan.accounts.models import RoleKind

    gina = user_with_role("gina", RoleKind.GRASSROOTS, world.g4)
    table = targets(world, gina.roles.get(), world.dana.roles.get())
    pages = []
    for name, cases in sorted(table.items()):
        for case in cases:
            url = reverse(name, kwargs=case.inside) + case.query
            if "get" in case.methods and name != "logout" and not url.split("?")[0].endswith(FILES):
                pages.append((name, url))
    return pages


@pytest.fixture
def world(transactional_db):
    world = build_world()
    load_activity_types(ActivityType, ActivityField)  # transactional tests flush the migration's
    return world


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_fits_the_screen(page, world, width):
    pages = _pages(world)  # written before the browser reads: SQLite's one shared connection
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, "alice", PASSWORD)
    too_wide, seen = [], 0
    for name, url in pages:
        try:
            answer = page.goto(url)
        except PlaywrightError as error:  # a file to download, not a page
            assert "Download is starting" in error.message, (name, url)
            continue
        if "text/html" not in answer.headers.get("content-type", ""):
            continue
        seen += 1
        wide = page.evaluate("document.documentElement.scrollWidth")
        if wide > width:
            too_wide.append((name, url, wide))
    assert too_wide == []
    assert seen > 100  # the walk did open the pages
