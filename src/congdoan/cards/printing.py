"""Union cards printed on CR80 (85.6 × 54 mm): ten to an A4 sheet in two columns of five, the
fronts on one page and the backs on the next, mirrored left to right so that a sheet printed on
both sides (flipped on its long edge) puts each back behind its front; cut marks in the margins
on every card edge."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import segno
from django.template.loader import render_to_string
from django.urls import reverse

from congdoan.members.models import UnionCard
from congdoan.org.selectors import names_on

CARD_W, CARD_H = 85.6, 54.0  # mm, ISO/IEC 7810 ID-1 (CR80)
SHEET_W, SHEET_H = 210.0, 297.0  # A4
COLUMNS, ROWS = 2, 5
PER_SHEET = COLUMNS * ROWS
LEFT = (SHEET_W - COLUMNS * CARD_W) / 2
TOP = (SHEET_H - ROWS * CARD_H) / 2
MARK_GAP, MARK_LEN = 1.5, 6.0  # a cut mark starts this far from the card's edge


@dataclass
class Placed:
    card: UnionCard | None
    left: float
    top: float
    union: str = ""
    qr: str = ""


def verify_url(token: str, base: str) -> str:
    return f"{base.rstrip('/')}{reverse('cards:verify', args=[token])}"


def qr_data_uri(url: str) -> str:
    return segno.make(url, error="m").png_data_uri(scale=5, border=0)


def _cut_marks() -> list[dict]:
    """Short lines in the margins in line with every card edge."""
    xs = [LEFT + i * CARD_W for i in range(COLUMNS + 1)]
    ys = [TOP + i * CARD_H for i in range(ROWS + 1)]
    marks = []
    for x in xs:
        for top in (TOP - MARK_GAP - MARK_LEN, TOP + ROWS * CARD_H + MARK_GAP):
            marks.append({"left": x, "top": top, "width": 0, "height": MARK_LEN})
    for y in ys:
        for left in (LEFT - MARK_GAP - MARK_LEN, LEFT + COLUMNS * CARD_W + MARK_GAP):
            marks.append({"left": left, "top": y, "width": MARK_LEN, "height": 0})
    return marks


def _sheet(cards: list[UnionCard], *, back: bool, unions: dict, base: str) -> list[Placed]:
    placed = []
    for index, card in enumerate(cards):
        row, column = divmod(index, COLUMNS)
        if back:
            column = COLUMNS - 1 - column
        shown = Placed(card, LEFT + column * CARD_W, TOP + row * CARD_H)
        shown.union = unions.get(card.pk, "")
        if not back:
            shown.qr = qr_data_uri(verify_url(card.token, base))
        placed.append(shown)
    return placed


def sheets(cards: list[UnionCard], unions: dict[int, str], base: str) -> list[dict]:
    """Pages in print order: a sheet's fronts, then its backs."""
    pages = []
    for start in range(0, len(cards), PER_SHEET):
        group = cards[start : start + PER_SHEET]
        for back in (False, True):
            pages.append(
                {"back": back, "cards": _sheet(group, back=back, unions=unions, base=base)}
            )
    return pages


def cards_pdf(cards: list[UnionCard], *, unit_id: int, federation: str, base: str, today: date):
    """The PDF of the cards (printed ones, with their tokens), as bytes."""
    from weasyprint import HTML

    union = names_on({unit_id}, today).get(unit_id, "")
    context = {
        "pages": sheets(cards, {card.pk: union for card in cards}, base),
        "marks": _cut_marks(),
        "federation": federation,
        "card_w": CARD_W,
        "card_h": CARD_H,
    }
    html = render_to_string("cards/print_pdf.html", context)
    return HTML(string=html).write_pdf()


def card_summary(person, base: str) -> dict:
    """The person's latest card: its number, its status, the link its QR opens (or None)."""
    card = person.cards.order_by("-requested_on", "-pk").first()
    if card is None:
        return {
            "number": person.card_number,
            "status": None,
            "status_name": "chưa có thẻ",
            "verify_url": None,
        }
    return {
        "number": card.number or person.card_number,
        "status": card.status,
        "status_name": card.get_status_display(),
        "verify_url": verify_url(card.token, base) if card.token else None,
    }
