"""The signed token of a card's QR: it verifies with the key that signed it, through any number
of key rotations, and anything else — a flipped byte, another key, a cut, garbage — is forged."""

from __future__ import annotations

import base64
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.cards import tokens
from congdoan.cards.keys import rotate_key, signing_key
from congdoan.cards.numbers import format_number, luhn_digit, next_number, parse_number
from congdoan.cards.verification import FORGED, VALID, verify_card
from tests.cards.helpers import printed_card

TODAY = date(2026, 1, 5)


def _flip(token: str, index: int) -> str:
    raw = bytearray(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    raw[index] ^= 0x01
    return base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode()


def test_card_numbers_carry_the_province_and_a_check_digit():
    assert format_number("01", 3) == "01-00000003-2"
    assert parse_number("01000000032") == "01-00000003-2"
    assert parse_number("01-00000003-3") is None  # one digit wrong
    assert parse_number("01-00000030-2") is None  # two digits swapped
    assert luhn_digit("0100000003") == "2"


def test_a_person_keeps_their_number_and_numbers_never_repeat(world):
    card = printed_card(world)
    numbers = {next_number(world.hn) for _ in range(5)}
    assert len(numbers) == 5 and card.number not in numbers
    assert card.person.card_number == card.number


def test_a_printed_card_verifies_as_valid_with_name_union_and_number(world):
    card = printed_card(world)
    verdict = verify_card(card.token, TODAY)
    assert verdict.state == VALID and verdict.number == card.number
    assert verdict.name == card.person.full_name
    assert verdict.union == "Công đoàn Công ty TNHH Điện tử ASTI Hà Nội"
    assert len(card.token) == 104


def test_every_flipped_byte_makes_the_token_forged(world):
    card = printed_card(world)
    for index in range(tokens.TOKEN_BYTES):
        assert verify_card(_flip(card.token, index), TODAY).state == FORGED, index


def test_a_token_signed_by_a_key_the_system_does_not_hold_is_forged(world):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    card = printed_card(world)
    raw = base64.urlsafe_b64decode(card.token + "=" * (-len(card.token) % 4))
    payload = raw[: tokens.PAYLOAD.size]
    other = Ed25519PrivateKey.generate().sign(payload)
    forged = base64.urlsafe_b64encode(payload + other).rstrip(b"=").decode()
    assert verify_card(forged, TODAY).state == FORGED


@pytest.mark.parametrize(
    "garbage", ["", "abc", "!!!", "é" * 104, "A" * 104, "A" * 5000, "AQAB" + "=" * 100]
)
def test_garbage_and_cut_tokens_are_forged(world, garbage):
    assert verify_card(garbage, TODAY).state == FORGED


def test_a_truncated_token_is_forged(world):
    card = printed_card(world)
    for cut in (1, 2, 50, 103):
        assert verify_card(card.token[:cut], TODAY).state == FORGED


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=200))
def test_no_text_breaks_verification(world, text):
    assert verify_card(text, TODAY).state == FORGED


def test_cards_signed_before_a_rotation_still_verify_and_new_ones_use_the_new_key(world):
    old = printed_card(world)
    first = signing_key(world.hn)
    new_key = rotate_key(world.hn)
    assert new_key.pk != first.pk and signing_key(world.hn).pk == new_key.pk
    first.refresh_from_db()
    assert first.retired_at is not None
    assert verify_card(old.token, TODAY).state == VALID
    from tests.members.registry import person

    later = printed_card(world, person("Lê Thu Anh", gender="F", birth=date(1989, 7, 20)))
    assert tokens.verify(later.token).key_id == new_key.pk
    assert verify_card(later.token, TODAY).state == VALID


def test_private_keys_are_kept_encrypted(world):
    printed_card(world)
    sealed = bytes(signing_key(world.hn).private_key)
    assert b"ENCRYPTED PRIVATE KEY" in sealed
