"""A table on a page is drawn as a table: the page-layout classes (`grid`, `cards`, which lay
their children out in columns) on a <table> pulled its header and rows apart on the award pages.
Papers (documents/, *_pdf.html) have their own stylesheet and are left out."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "src" / "congdoan" / "templates"
LAYOUT = {"grid", "cards"}
TABLE = re.compile(r"<table\b[^>]*\bclass=\"([^\"]*)\"")


def test_no_page_table_wears_a_layout_class():
    wrong = []
    for path in TEMPLATES.rglob("*.html"):
        if path.parent.name == "documents" or path.name.endswith("_pdf.html"):
            continue
        for classes in TABLE.findall(path.read_text(encoding="utf-8")):
            if LAYOUT & set(classes.split()):
                wrong.append((str(path.relative_to(TEMPLATES)), classes))
    assert wrong == []
