"""Each federation's Ed25519 signing keys: made on first need (so `make run` has a development
key), rotated by `congdoan cards rotate-key`, the old ones kept to verify what they signed."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from congdoan.cards.models import SigningKey
from congdoan.org.models import Unit


def _passphrase() -> bytes:
    """What the private keys are encrypted with: CONGDOAN_CARD_KEY_SECRET, or else SECRET_KEY."""
    secret = settings.CONGDOAN_CARD_KEY_SECRET or settings.SECRET_KEY
    return hashlib.sha256(f"congdoan-card-keys|{secret}".encode()).digest()


def _new_key(federation: Unit) -> SigningKey:
    private = Ed25519PrivateKey.generate()
    public = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    sealed = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(_passphrase()),
    )
    return SigningKey.objects.create(federation=federation, public_key=public, private_key=sealed)


@transaction.atomic
def signing_key(federation: Unit) -> SigningKey:
    """The federation's open key, made now if it has none."""
    Unit.objects.select_for_update().filter(pk=federation.pk).exists()  # one maker at a time
    key = SigningKey.objects.filter(federation=federation, retired_at__isnull=True).first()
    return key or _new_key(federation)


@transaction.atomic
def rotate_key(federation: Unit) -> SigningKey:
    """Retire the federation's open key (it still verifies) and open a new one."""
    Unit.objects.select_for_update().filter(pk=federation.pk).exists()
    SigningKey.objects.filter(federation=federation, retired_at__isnull=True).update(
        retired_at=timezone.now()
    )
    return _new_key(federation)


@lru_cache(maxsize=256)
def private_key(key_id: int) -> Ed25519PrivateKey:
    sealed = bytes(SigningKey.objects.values_list("private_key", flat=True).get(pk=key_id))
    loaded = serialization.load_pem_private_key(sealed, password=_passphrase())
    assert isinstance(loaded, Ed25519PrivateKey)
    return loaded


@lru_cache(maxsize=1024)
def _public_key(key_id: int) -> Ed25519PublicKey:
    raw = SigningKey.objects.values_list("public_key", flat=True).get(pk=key_id)
    return Ed25519PublicKey.from_public_bytes(bytes(raw))


def public_key(key_id: int) -> Ed25519PublicKey | None:
    """The public half of a key (cached: a key never changes), or None for an unknown id."""
    try:
        return _public_key(key_id)
    except SigningKey.DoesNotExist:
        return None


def forget_cached_keys() -> None:
    """Tests that roll a database back drop the keys they made with it."""
    private_key.cache_clear()
    _public_key.cache_clear()
