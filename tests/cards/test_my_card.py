"""The member's own card at /me/card/: the card with its QR (which decodes to the verification
link of a valid card), the manifest and the service worker that keep it offline; officials
have no card page."""

from __future__ import annotations

import base64
import io
import re
from datetime import date

import zxingcpp
from django.test import Client
from django.urls import reverse
from PIL import Image

from congdoan.members.cards import card_approve, card_print, card_request
from tests.portal.members import member_user


def _member_with_card(world):
    user, person = member_user(world.alice, world.g1, full_name="Đỗ Thị Gần")
    card = card_request(actor=world.dana, person=person, on=date(2021, 1, 1))
    card = card_approve(actor=world.charlie, card=card, on=date(2021, 1, 5))
    return user, card_print(actor=world.dana, card=card, on=date(2021, 2, 1))


def test_the_member_sees_their_card_and_its_qr_opens_a_valid_verification(world):
    user, card = _member_with_card(world)
    client = Client()
    client.force_login(user)
    body = client.get(reverse("cards:my_card")).content.decode()
    assert card.number in body and "Đỗ Thị Gần" in body and "card.webmanifest" in body
    png = re.search(r'id="card-qr" src="data:image/png;base64,([^"]+)"', body).group(1)
    image = Image.open(io.BytesIO(base64.b64decode(png))).convert("L")
    image = image.resize((image.width * 4, image.height * 4))
    found = zxingcpp.read_barcodes(image)
    assert len(found) == 1 and found[0].text.endswith(f"/verify/card/{card.token}/")
    path = found[0].text.removeprefix("http://testserver")
    assert "THẺ HỢP LỆ" in Client().get(path).content.decode()


def test_the_service_worker_is_served_for_the_card_page_scope(world):
    user, _card = _member_with_card(world)
    client = Client()
    client.force_login(user)
    response = client.get(reverse("cards:my_card_worker"))
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/me/card/"
    assert b"caches.match" in response.content


def test_an_official_has_no_card_page(world):
    client = Client()
    client.force_login(world.dana)
    assert client.get(reverse("cards:my_card")).status_code == 403
