"""Papers to look at: each PDF is written with one PNG per page (pdftoppm, Debian poppler-utils)
under var/papers/ (or $PAPERS_DIR), so a person — or CI, as an artefact — can see them."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]


def papers_dir() -> Path:
    folder = Path(os.environ.get("PAPERS_DIR") or ROOT / "var" / "papers")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def pngs(name: str, pdf: bytes, *, dpi: int = 70) -> list[Path]:
    """The PDF saved as `name`.pdf and its pages as `name`-N.png; the paths of the PNGs."""
    tool = shutil.which("pdftoppm")
    assert tool, "pdftoppm is missing: run scripts/system-deps.sh (it installs poppler-utils)"
    folder = papers_dir()
    for old in folder.glob(f"{name}-*.png"):
        old.unlink()
    source = folder / f"{name}.pdf"
    source.write_bytes(pdf)
    command = [tool, "-r", str(dpi), "-png", str(source), str(folder / name)]
    subprocess.run(command, check=True)  # noqa: S603 (our own file, a fixed tool)
    pages = sorted(folder.glob(f"{name}-*.png"))
    print(f"{name}: {len(pages)} page(s) in {folder}")  # noqa: T201 (shown with pytest -s)
    assert pages and all(p.stat().st_size > 1000 for p in pages)
    return pages


@dataclass
class Placed:
    """What a page draws: text runs with their baseline heights, images with their boxes."""

    width: float
    height: float
    texts: list[tuple[float, str]] = field(default_factory=list)
    images: list[tuple[float, float, float, float]] = field(default_factory=list)  # x0 y0 x1 y1

    @property
    def text(self) -> str:
        return " ".join(" ".join(t for _y, t in self.texts).split())


def placed(pdf: bytes) -> list[Placed]:
    """Each page of the PDF with where its text and images are (PDF points, origin bottom left)."""
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        box = page.mediabox
        seen = Placed(float(box.width), float(box.height))

        def before(operator, args, cm, tm, seen=seen):
            if operator == b"Do":  # an image drawn in the unit square under the matrix
                a, _b, _c, d, e, f = (float(v) for v in cm)
                seen.images.append((min(e, e + a), min(f, f + d), max(e, e + a), max(f, f + d)))

        def text(value, cm, tm, font, size, seen=seen):
            if value.strip():
                seen.texts.append((float(cm[5]) + float(tm[5]) * float(cm[3]), value))

        page.extract_text(visitor_operand_before=before, visitor_text=text)
        pages.append(seen)
    return pages
