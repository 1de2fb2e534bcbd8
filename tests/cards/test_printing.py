"""Printing a union's cards: the approved ones move to printed, the PDF holds A4 sheets of ten
CR80 cards (fronts, then mirrored backs) with every card's QR, and handing over closes them."""

from __future__ import annotations

import io
import json
from datetime import date

import pypdf
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from congdoan.cards.printing import CARD_H, CARD_W, COLUMNS, LEFT, PER_SHEET, TOP, sheets
from congdoan.members.cards import card_approve, card_request
from congdoan.members.models import CardStatus, UnionCard
from tests.members.registry import admit, person

A4 = (210.0, 297.0)


def _approved(world, count: int) -> list[UnionCard]:
    cards = []
    for i in range(count):
        member = admit(world.dana, world.g1, person(f"Nguyễn Văn An {chr(65 + i)}")).person
        card = card_request(actor=world.dana, person=member, on=date(2021, 1, 1))
        cards.append(card_approve(actor=world.charlie, card=card, on=date(2021, 1, 5)))
    return cards


def _mm(points: float) -> float:
    return round(float(points) * 25.4 / 72, 1)


def test_a_union_prints_its_approved_cards_as_a4_sheets_of_ten(world):
    _approved(world, 12)
    client = Client()
    client.force_login(world.dana)
    assert client.post(reverse("cards:print", args=[world.g1.pk])).status_code == 302
    printed = UnionCard.objects.filter(status=CardStatus.PRINTED)
    assert printed.count() == 12 and not printed.filter(token="").exists()
    response = client.get(reverse("cards:pdf", args=[world.g1.pk]))
    assert response["Content-Type"] == "application/pdf"
    pdf = pypdf.PdfReader(io.BytesIO(response.content))
    assert len(pdf.pages) == 4  # two sheets, each a front and a back
    assert {(_mm(p.mediabox.width), _mm(p.mediabox.height)) for p in pdf.pages} == {A4}
    front = pdf.pages[0].extract_text()
    assert "THẺ ĐOÀN VIÊN CÔNG ĐOÀN" in front and "Nguyễn Văn An A" in front
    assert front.count("Quét để kiểm tra thẻ") == PER_SHEET
    assert pdf.pages[2].extract_text().count("Quét để kiểm tra thẻ") == 2
    assert client.post(reverse("cards:hand_over", args=[world.g1.pk])).status_code == 302
    assert UnionCard.objects.filter(status=CardStatus.ISSUED).count() == 12


def test_backs_are_mirrored_and_cards_are_cr80_inside_the_sheet(world):
    cards = _approved(world, 2)
    for card in cards:
        card.token = "A" * 104
    front, back = sheets(cards, {}, "http://x")
    assert [p.left for p in front["cards"]] == [LEFT, LEFT + CARD_W]
    assert [p.left for p in back["cards"]] == [LEFT + CARD_W, LEFT]
    assert (CARD_W, CARD_H) == (85.6, 54.0)
    assert A4[0] >= LEFT + COLUMNS * CARD_W and TOP > 0


def test_a_reader_may_not_print_and_another_union_is_not_found(world):
    frank, gina_unit = Client(), world.g4
    frank.force_login(world.frank)
    assert frank.post(reverse("cards:print", args=[world.g1.pk])).status_code == 403
    dana = Client()
    dana.force_login(world.dana)
    assert dana.get(reverse("cards:union", args=[gina_unit.pk])).status_code == 404


def test_the_card_command_prints_number_status_and_verify_link(world, capsys):
    from tests.cards.helpers import printed_card

    card = printed_card(world)
    call_command("members", "card", card.person.code, "--json")
    row = json.loads(capsys.readouterr().out)
    assert set(row) == {"number", "status", "verify_url"}
    assert row["number"] == card.number and row["status"] == CardStatus.ISSUED
    assert row["verify_url"].endswith(f"/verify/card/{card.token}/")


def test_rotate_key_from_the_command_line(world, capsys):
    from tests.cards.helpers import printed_card

    printed_card(world)
    call_command("cards", "rotate-key", "--federation", "HN")
    assert "khóa mới" in capsys.readouterr().out
