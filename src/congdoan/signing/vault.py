"""The signing certificates' key material sealed at rest: Fernet with a key derived from
CONGDOAN_SIGNING_KEY (or, in development, SECRET_KEY)."""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def _fernet() -> Fernet:
    secret = settings.CONGDOAN_SIGNING_KEY or settings.SECRET_KEY
    if not secret:
        raise ImproperlyConfigured("CONGDOAN_SIGNING_KEY is not set")
    digest = hashlib.sha256(f"congdoan-signing|{secret}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def seal(data: bytes) -> bytes:
    return _fernet().encrypt(data)


def unseal(sealed: bytes) -> bytes:
    """The plain PKCS#12; a changed environment key cannot open it (ImproperlyConfigured)."""
    try:
        return _fernet().decrypt(bytes(sealed))
    except InvalidToken as error:
        raise ImproperlyConfigured(
            "CONGDOAN_SIGNING_KEY does not open the stored signing certificates"
        ) from error
