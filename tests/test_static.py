"""Every stylesheet and script a page links is served from the project itself (no CDN)."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders

TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "congdoan" / "templates"
STATIC_TAG = re.compile(r"{%\s*static\s+'([^']+)'\s*%}")


def test_every_static_file_a_template_names_is_found():
    named = {
        path
        for template in TEMPLATES.rglob("*.html")
        for path in STATIC_TAG.findall(template.read_text())
    }
    assert "congdoan/site.css" in named
    assert [path for path in sorted(named) if not finders.find(path)] == []
