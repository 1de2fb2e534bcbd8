"""The signed token a card's QR carries: a 14-byte payload and its Ed25519 signature, in
base64url without padding (104 characters).

    version (1 byte, = 1) · key id (2) · card number's ten digits (5) · person id (4) ·
    day printed, in days since 1/1/2000 (2) · signature (64)

Anyone holding the public keys can tell a real card from a forged or altered one; what the card
stands for now (valid, expired, revoked) is the registry's, read at verification."""

from __future__ import annotations

import base64
import binascii
import re
import struct
from dataclasses import dataclass
from datetime import date, timedelta

from cryptography.exceptions import InvalidSignature
from django.utils.translation import gettext_lazy as _

from congdoan.cards import keys

VERSION = 1
EPOCH = date(2000, 1, 1)
PAYLOAD = struct.Struct(">BH5sIH")
SIGNATURE_BYTES = 64
TOKEN_BYTES = PAYLOAD.size + SIGNATURE_BYTES
MAX_TOKEN_CHARS = 200  # anything longer is not a card's token, whatever it holds
ALPHABET = re.compile(r"^[A-Za-z0-9_-]+$")

FORGED = _(
    "Mã này không phải của một thẻ đoàn viên do hệ thống cấp: chữ ký không đúng, mã bị sửa "
    "hoặc bị cắt. Thẻ mang mã này là thẻ giả hoặc đã bị sửa."
)


@dataclass(frozen=True)
class CardClaims:
    """What a token says: the card number's digits, whose card, the day printed, the key."""

    number_digits: int
    person_id: int
    printed_on: date
    key_id: int


class BadToken(ValueError):
    """A token that no key of the system signed, or not a token at all."""

    def __init__(self) -> None:
        super().__init__(str(FORGED))


def _payload(claims: CardClaims) -> bytes:
    days = (claims.printed_on - EPOCH).days
    digits = claims.number_digits.to_bytes(5, "big")
    return PAYLOAD.pack(VERSION, claims.key_id, digits, claims.person_id, days)


def sign(claims: CardClaims) -> str:
    payload = _payload(claims)
    signature = keys.private_key(claims.key_id).sign(payload)
    return base64.urlsafe_b64encode(payload + signature).rstrip(b"=").decode("ascii")


def _decode(token: str) -> bytes:
    if len(token or "") > MAX_TOKEN_CHARS or not ALPHABET.match(token or ""):
        raise BadToken
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError):
        raise BadToken from None
    if len(raw) != TOKEN_BYTES:
        raise BadToken
    return raw


def verify(token: str) -> CardClaims:
    """The claims of a token one of the system's keys signed, or BadToken."""
    raw = _decode(token)
    payload, signature = raw[: PAYLOAD.size], raw[PAYLOAD.size :]
    version, key_id, digits, person_id, days = PAYLOAD.unpack(payload)
    key = keys.public_key(key_id) if version == VERSION else None
    if key is None:
        raise BadToken
    try:
        key.verify(signature, payload)
    except InvalidSignature:
        raise BadToken from None
    return CardClaims(
        number_digits=int.from_bytes(digits, "big"),
        person_id=person_id,
        printed_on=EPOCH + timedelta(days=days),
        key_id=key_id,
    )
