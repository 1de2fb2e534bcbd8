"""Invitations to activate a member's account: issued by a keeper of the member's union (one
member, or every member of a union as printable slips), opened by the member with the code,
their CCCD and their birth date.

The link's token (16 characters, about 79 bits) is kept as its SHA-256, the code (8
characters) as an HMAC under the site's key: the token is what lets anyone reach an
invitation at all, so the code needs no slow hash; it is single-use, expires, and an
invitation closes itself after MAX_FAILURES wrong answers (besides django-axes' throttling).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from congdoan.accounts.passwords import TEMPORARY_ALPHABET
from congdoan.accounts.scope import scope_for
from congdoan.audit.services import audit_record
from congdoan.members.models import Membership, Person
from congdoan.members.services import open_membership
from congdoan.org.models import Unit
from congdoan.portal.models import Invitation

TOKEN_LENGTH = 16
CODE_LENGTH = 8
MAX_FAILURES = 10


def invitation_days() -> int:
    return int(getattr(settings, "CONGDOAN_INVITATION_DAYS", 30))


@dataclass(frozen=True)
class IssuedInvitation:
    """An invitation just issued, with the token and code in clear (shown once, printed)."""

    invitation: Invitation
    person: Person
    token: str
    code: str

    @property
    def path(self) -> str:
        return reverse("portal:activate", args=[self.token])

    @property
    def code_shown(self) -> str:
        return f"{self.code[:4]}-{self.code[4:]}".upper()


def _random(length: int) -> str:
    return "".join(secrets.choice(TEMPORARY_ALPHABET) for _c in range(length))


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def code_digest(code: str) -> str:
    return salted_hmac("congdoan.portal.invitation", code, algorithm="sha256").hexdigest()


def normalise_code(typed: str) -> str:
    return "".join(ch for ch in (typed or "").lower() if ch.isalnum())


def code_matches(invitation: Invitation, typed: str) -> bool:
    return constant_time_compare(code_digest(normalise_code(typed)), invitation.code_hash)


def invitation_by_token(token: str) -> Invitation | None:
    if not token or len(token) > 64:
        return None
    return (
        Invitation.objects.select_related("person").filter(token_digest=token_digest(token)).first()
    )


def is_open(invitation: Invitation, today: date) -> bool:
    return (
        invitation.used_at is None
        and invitation.closed_at is None
        and today <= invitation.expires_on
    )


def _invitable_membership(actor, person: Person) -> Membership:
    membership = open_membership(person)
    if membership is None or person.deidentified_at is not None:
        raise ValidationError(_("Chỉ mời được đoàn viên đang sinh hoạt."))
    if not scope_for(actor).can_edit_members(membership.unit):
        raise PermissionDenied(_("Bạn không có quyền quản lý đoàn viên này."))
    if not person.citizen_id or person.birth_date is None or person.birth_year_only:
        raise ValidationError(
            _(
                "Hồ sơ chưa có số CCCD hoặc ngày sinh đầy đủ, là những gì đoàn viên dùng để "
                "xác minh khi kích hoạt: hãy bổ sung hồ sơ trước."
            )
        )
    return membership


def _issue(actor, person: Person, membership: Membership, today: date) -> IssuedInvitation:
    now = timezone.now()
    Invitation.objects.filter(person=person, used_at__isnull=True, closed_at__isnull=True).update(
        closed_at=now
    )
    token, code = _random(TOKEN_LENGTH), _random(CODE_LENGTH)
    invitation = Invitation.objects.create(
        person=person,
        token_digest=token_digest(token),
        code_hash=code_digest(code),
        issued_by=actor if getattr(actor, "pk", None) else None,
        expires_on=today + timedelta(days=invitation_days()),
    )
    audit_record(
        actor=actor,
        action="member.invite",
        unit=membership.unit,
        target=f"{person.code} {person.full_name}",
        after={"expires_on": invitation.expires_on.isoformat()},
    )
    return IssuedInvitation(invitation=invitation, person=person, token=token, code=code)


@transaction.atomic
def invitation_issue(*, actor, person: Person, today: date | None = None) -> IssuedInvitation:
    """A new invitation for one current member (any older open one is closed)."""
    membership = _invitable_membership(actor, person)
    return _issue(actor, person, membership, today or timezone.localdate())


@transaction.atomic
def invitations_for_union(
    *, actor, unit: Unit, today: date | None = None
) -> tuple[list[IssuedInvitation], int]:
    """Invitations for every current member of a union who can prove who they are (CCCD and
    birth date on record) and has no account yet; with how many were left out for lack of
    those."""
    today = today or timezone.localdate()
    if not scope_for(actor).can_edit_members(unit):
        raise PermissionDenied(_("Bạn không có quyền quản lý đoàn viên của đơn vị này."))
    people = Person.objects.filter(
        memberships__unit=unit,
        memberships__ended_on__isnull=True,
        deidentified_at__isnull=True,
        member_account__isnull=True,
    ).order_by("sort_key", "pk")
    issued, left_out = [], 0
    for person in people:
        if not person.citizen_id or person.birth_date is None or person.birth_year_only:
            left_out += 1
            continue
        membership = Membership(person=person, unit=unit)
        issued.append(_issue(actor, person, membership, today))
    return issued, left_out
