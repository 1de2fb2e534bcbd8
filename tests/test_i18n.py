"""The English switch in the page header, and the completeness of the English catalogue.

The msgids are Vietnamese (LANGUAGE_CODE = "vi"); English lives in
src/congdoan/locale/en/LC_MESSAGES/django.po. When a test below says a string is untranslated,
run in src/congdoan:

    ../../.venv/bin/congdoan makemessages -l en --no-obsolete

then fill in the empty msgstr (and clear any "fuzzy" flag) and run `compilemessages`.
"""

import ast
import contextlib
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import trans_real

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
EN_PO = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"
EN_MO = EN_PO.with_suffix(".mo")

VI_HEADING = "Cây tổ chức"
EN_HEADING = "Organisation tree"
PO_LINE = re.compile(r'(msgctxt|msgid_plural|msgid|msgstr)(\[\d+\])?\s+(".*")$')


@pytest.fixture(scope="session", autouse=True)
def compiled_messages():
    """The .mo is git-ignored: compile it when it is missing or older than the .po."""
    if not EN_MO.exists() or EN_MO.stat().st_mtime < EN_PO.stat().st_mtime:
        with contextlib.chdir(LOCALE_DIR.parent):
            call_command("compilemessages", verbosity=0)
        trans_real._translations = {}  # forget catalogues loaded before the .mo existed
        trans_real._default = None


def read_po(path: Path) -> list[dict]:
    """A tiny PO reader: one dict per entry with its flags, msgid and msgstr(s)."""
    entries = []
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        entry: dict = {"flags": set(), "msgstr": []}
        key = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"].update(f.strip() for f in line[2:].split(","))
            elif line.startswith("#"):
                continue  # comments, references and obsolete (#~) entries
            elif match := PO_LINE.match(line):
                key = match.group(1)
                text = ast.literal_eval(match.group(3))
                if key == "msgstr":
                    entry["msgstr"].append(text)
                else:
                    entry[key] = text
            elif line.startswith('"') and key:
                text = ast.literal_eval(line)
                if key == "msgstr":
                    entry["msgstr"][-1] += text
                else:
                    entry[key] += text
        if "msgid" in entry:
            entries.append(entry)
    return entries


def test_english_chosen_in_the_header_translates_the_tree_page(client, world):
    client.force_login(world.bob)
    tree = reverse("org:tree")

    response = client.post(reverse("set_language"), {"language": "en", "next": tree})
    assert response.status_code == 302

    html = client.get(tree).content.decode()
    assert f"<h1>{EN_HEADING}</h1>" in html
    assert '<html lang="en">' in html
    assert VI_HEADING not in html


def test_the_tree_page_is_vietnamese_by_default(client, world):
    client.force_login(world.bob)

    html = client.get(reverse("org:tree")).content.decode()
    assert f"<h1>{VI_HEADING}</h1>" in html
    assert '<html lang="vi">' in html
    assert EN_HEADING not in html


def test_an_english_browser_still_gets_vietnamese_until_english_is_picked(client, world):
    client.force_login(world.bob)
    tree = reverse("org:tree")

    html = client.get(tree, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert f"<h1>{VI_HEADING}</h1>" in html

    client.post(reverse("set_language"), {"language": "en", "next": tree})
    html = client.get(tree, HTTP_ACCEPT_LANGUAGE="vi-VN,vi;q=0.9").content.decode()
    assert f"<h1>{EN_HEADING}</h1>" in html


def test_every_english_entry_is_translated_and_not_fuzzy():
    entries = read_po(EN_PO)
    assert len(entries) > 100, f"{EN_PO} looks truncated"
    bad = [
        e["msgid"]
        for e in entries
        if "fuzzy" in e["flags"] or (e["msgid"] and not all(e["msgstr"]))
    ]
    assert not bad, (
        f"Untranslated or fuzzy entries in {EN_PO}; translate them (see this file's docstring):\n"
        + "\n".join(f"  {m!r}" for m in bad)
    )


def test_every_string_the_code_marks_is_in_the_english_catalogue(tmp_path):
    """makemessages over a copy of the package: a string marked for translation in the code or
    a template but missing from the catalogue would show in Vietnamese on the English pages."""
    package = LOCALE_DIR.parent
    copy = tmp_path / package.name
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__", "static", "*.mo"))
    with contextlib.chdir(copy):
        call_command("makemessages", locale=["en"], no_obsolete=True, verbosity=0)
    known = {e["msgid"] for e in read_po(EN_PO)}
    missing = [
        e["msgid"] for e in read_po(copy / EN_PO.relative_to(package)) if e["msgid"] not in known
    ]
    assert not missing, (
        f"Strings missing from {EN_PO}; run makemessages (see this file's docstring):\n"
        + "\n".join(f"  {m!r}" for m in missing)
    )


def test_english_entries_keep_the_placeholders():
    placeholder = re.compile(r"%\(\w+\)[sd]")
    bad = [
        e["msgid"]
        for e in read_po(EN_PO)
        if "python-format" in e["flags"]
        and any(
            set(placeholder.findall(s)) != set(placeholder.findall(e["msgid"])) for s in e["msgstr"]
        )
    ]
    assert not bad, f"Placeholders differ from the msgid in {EN_PO}: {bad}"
