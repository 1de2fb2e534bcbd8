"""What a card's QR answers over its life: valid, revoked when lost or replaced, expired when
the member leaves or a foreign worker's contract ends; and the public page shows the name,
union and card number only."""

from __future__ import annotations

from datetime import date

from django.test import Client
from django.urls import reverse

from congdoan.cards.verification import EXPIRED, REVOKED, VALID, verify_card
from congdoan.members.cards import card_approve, card_issue, card_print, card_replace
from congdoan.members.models import CardStatus
from congdoan.members.services import member_exit
from tests.cards.helpers import printed_card
from tests.members.registry import person

TODAY = date(2026, 1, 5)


def test_a_lost_card_is_revoked_at_once_and_its_successor_keeps_the_number(world):
    old = printed_card(world)
    new = card_replace(actor=world.dana, card=old, on=date(2022, 5, 1), lost=True)
    old.refresh_from_db()
    assert old.status == CardStatus.REVOKED and verify_card(old.token, TODAY).state == REVOKED
    new = card_approve(actor=world.charlie, card=new, on=date(2022, 5, 2))
    new = card_print(actor=world.dana, card=new, on=date(2022, 5, 3))
    assert new.number == old.number and new.token != old.token
    assert verify_card(new.token, TODAY).state == VALID


def test_a_damaged_card_stays_valid_until_the_new_one_is_handed_over(world):
    old = printed_card(world)
    new = card_replace(actor=world.dana, card=old, on=date(2022, 5, 1))
    assert verify_card(old.token, TODAY).state == VALID
    new = card_approve(actor=world.charlie, card=new, on=date(2022, 5, 2))
    new = card_print(actor=world.dana, card=new, on=date(2022, 5, 3))
    card_issue(actor=world.dana, card=new, on=date(2022, 5, 4))
    old.refresh_from_db()
    assert old.status == CardStatus.REPLACED and old.revoked_on == date(2022, 5, 4)
    assert verify_card(old.token, TODAY).state == REVOKED


def test_the_card_of_a_member_who_left_has_expired(world):
    card = printed_card(world)
    member_exit(actor=world.dana, person=card.person, on=date(2023, 1, 1), kind="retirement")
    assert verify_card(card.token, TODAY).state == EXPIRED


def test_a_foreign_workers_card_expires_with_the_contract(world):
    foreigner = person(
        "Kim Min Jun",
        citizen_id="",
        nationality="Hàn Quốc",
        foreign_document="M12345678",
        contract_starts_on=date(2020, 1, 1),
        contract_ends_on=date(2022, 12, 31),
    )
    card = printed_card(world, foreigner)
    assert card.valid_until == date(2022, 12, 31)
    assert verify_card(card.token, date(2022, 12, 31)).state == VALID
    assert verify_card(card.token, date(2023, 1, 1)).state == EXPIRED


def test_the_public_page_shows_no_sensitive_field(world):
    card = printed_card(world)
    card.person.phone, card.person.address = "0912345678", "12 Phố Huế"
    card.person.save()
    body = Client().get(reverse("cards:verify", args=[card.token])).content.decode()
    assert "THẺ HỢP LỆ" in body and card.person.full_name in body and card.number in body
    born = card.person.birth_date
    for secret in (card.person.citizen_id, born.strftime("%d/%m/%Y"), str(born.year), "0912345678"):
        assert secret not in body, secret
    assert card.person.code not in body


def test_a_forged_token_says_so_in_vietnamese_and_never_fails(world, client):
    card = printed_card(world)
    for token in (card.token[:-2] + "AA", "x" * 300, "%00", "AAAA"):
        response = client.get(f"/verify/card/{token}/")
        assert response.status_code == 404, token
        assert "MÃ KHÔNG HỢP LỆ" in response.content.decode()


def test_verifying_reads_the_database_once(world, django_assert_max_num_queries):
    card = printed_card(world)
    verify_card(card.token, TODAY)  # the public key is now cached
    with django_assert_max_num_queries(1):
        assert verify_card(card.token, TODAY).state == VALID


def test_a_deidentified_holders_card_answers_revoked_with_no_name(world):
    from congdoan.members.privacy import deidentify_person

    card = printed_card(world)
    token, name = card.token, card.person.full_name
    member_exit(actor=world.dana, person=card.person, on=date(2023, 1, 1), kind="retirement")
    deidentify_person(actor=world.dana, person=card.person)
    verdict = verify_card(token, TODAY)
    assert verdict.state == REVOKED and verdict.name == "" and name not in str(verdict)
    card.person.refresh_from_db()
    assert card.person.card_number is None
