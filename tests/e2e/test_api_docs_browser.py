"""In the browser: /api/docs/ renders Swagger UI from the bundled files, styled, under the site's
Content-Security-Policy (nothing refused), at desktop and phone widths."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _shots() -> Path:
    folder = Path(os.environ.get("CONGDOAN_SCREENSHOTS", "var/screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("width", [1280, 390])
def test_the_docs_page_renders_styled_under_the_csp(page, transactional_db, width):
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto("/api/docs/")
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("congdoan API")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    assert page.locator(".opblock").count() > 20
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(250, 250, 250)"  # the page's own rules, from the static file
    assert refused == []
    page.screenshot(path=_shots() / f"api-docs-{width}.png", full_page=False)
