"""Creating, finding and revoking personal access tokens. The token is shown once, when it is
made; only its SHA-256 is kept (a random 256-bit secret needs no slow hash)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.api.models import ApiToken
from congdoan.audit.services import audit_changes, audit_record, snapshot
from congdoan.core.text import normalize_text

TOKEN_PREFIX = "cd_"  # noqa: S105 - the visible start of every token, no secret
MAX_DAYS = 3650
USE_RECORDED_EVERY = timedelta(minutes=1)  # the last use, to the minute: no write per request


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # shown once


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def _check(name: str, expires_days: int | None) -> tuple[str, date | None]:
    errors = {}
    cleaned = normalize_text(name or "")
    if not cleaned:
        errors["name"] = [_("Đặt tên cho mã truy cập (ví dụ: đồng bộ với hệ thống tỉnh).")]
    elif len(cleaned) > 100:
        errors["name"] = [_("Tên mã truy cập dài quá 100 ký tự.")]
    if expires_days is not None and not 1 <= expires_days <= MAX_DAYS:
        errors["expires_days"] = [_("Số ngày hiệu lực phải từ 1 đến %(max)s.") % {"max": MAX_DAYS}]
    if errors:
        raise ValidationError(errors)
    expires = timezone.localdate() + timedelta(days=expires_days) if expires_days else None
    return cleaned, expires


@transaction.atomic
def token_create(
    *, actor, user, name: str, read_only: bool = False, expires_days: int | None = None
) -> NewToken:
    """A new token of `user` (made by the user, or by an administrator from the command line)."""
    if actor.pk != user.pk and not actor.is_superuser:
        raise PermissionDenied(_("Chỉ người dùng hoặc quản trị hệ thống tạo mã truy cập."))
    cleaned, expires = _check(name, expires_days)
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=cleaned,
        key_hash=token_hash(secret),
        prefix=secret[: len(TOKEN_PREFIX) + 6],
        read_only=read_only,
        expires_on=expires,
    )
    audit_record(
        actor=actor,
        action="api.token_create",
        target=f"{user.get_username()}: {cleaned}",
        object_type="api.apitoken",
        after={
            "name": cleaned,
            "read_only": read_only,
            "expires_on": expires.isoformat() if expires else None,
        },
    )
    return NewToken(token, secret)


@transaction.atomic
def token_revoke(*, actor, token: ApiToken) -> ApiToken:
    """Stop a token at once; it stays listed, marked revoked."""
    if actor.pk != token.user_id and not actor.is_superuser:
        raise PermissionDenied(_("Chỉ người dùng hoặc quản trị hệ thống thu hồi mã truy cập."))
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        return token
    before = snapshot(token, ["revoked_at"])
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_changes(
        actor=actor,
        action="api.token_revoke",
        instance=token,
        before=before,
        target=f"{token.user.get_username()}: {token.name}",
        fields=["revoked_at"],
    )
    return token


def active_tokens():
    """Tokens that open the API today: not revoked, not expired, of an active user."""
    today = timezone.localdate()
    return ApiToken.objects.filter(
        Q(expires_on__isnull=True) | Q(expires_on__gte=today),
        revoked_at__isnull=True,
        user__is_active=True,
    )


def find_token(secret: str) -> ApiToken | None:
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 100:
        return None
    return active_tokens().select_related("user").filter(key_hash=token_hash(secret)).first()


def record_use(token: ApiToken) -> None:
    """The last use, kept to the minute (one write a minute at most for a busy token)."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= USE_RECORDED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def is_active(token: ApiToken) -> bool:
    today = timezone.localdate()
    return token.revoked_at is None and (token.expires_on is None or token.expires_on >= today)
