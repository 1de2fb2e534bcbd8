"""Union cards: requested by the grassroots union, approved by the upper level, issued with the
number the confederation's system gives, and replaced when lost or damaged."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.audit.services import snapshot
from congdoan.core.text import normalize_text
from congdoan.members.models import CardStatus, Person, UnionCard
from congdoan.members.services import (
    _audit,
    _audit_change,
    _current,
    open_membership,
    require_member_keeper,
)
from congdoan.org.models import Unit
from congdoan.org.versioning import open_version


def _check_status(card: UnionCard, expected: str) -> None:
    if card.status != expected:
        raise ValidationError(
            _("Thẻ đang ở trạng thái “%(status)s”, không thể làm bước này.")
            % {"status": card.get_status_display()}
        )


@transaction.atomic
def card_request(
    *, actor, person: Person, on: date, replaces: UnionCard | None = None
) -> UnionCard:
    membership = _current(person)
    require_member_keeper(actor, membership.unit)
    pending = person.cards.filter(status__in=[CardStatus.REQUESTED, CardStatus.APPROVED])
    if pending.exists():
        raise ValidationError(_("Đã có một đề nghị cấp thẻ đang chờ."))
    card = UnionCard.objects.create(
        person=person, status=CardStatus.REQUESTED, requested_on=on, replaces=replaces
    )
    _audit(actor, "card.request", membership, on=on)
    return card


# The step that follows each status, named as in the card pages' URLs.
NEXT_STEP = {
    CardStatus.REQUESTED: "approve",
    CardStatus.APPROVED: "issue",
    CardStatus.ISSUED: "replace",
}


def approving_unit(person: Person) -> Unit | None:
    """The union above the member's current union: the one that approves their cards."""
    membership = open_membership(person)
    return open_version(membership.unit).parent if membership else None


def may_approve_cards(actor, person: Person) -> bool:
    try:
        parent = approving_unit(person)
    except ValidationError:  # the member's union has ended
        return False
    return parent is not None and scope_for(actor).can_edit_members(parent)


@transaction.atomic
def card_approve(*, actor, card: UnionCard, on: date) -> UnionCard:
    """The upper level approves: only a keeper of the unit above the member's union may."""
    membership = _current(card.person)
    parent = approving_unit(card.person)
    if parent is None:
        raise ValidationError(_("Công đoàn cơ sở chưa có cấp trên để duyệt thẻ."))
    require_member_keeper(actor, parent)
    _check_status(card, CardStatus.REQUESTED)
    before = snapshot(card)
    card.status, card.approved_on = CardStatus.APPROVED, on
    card.save(update_fields=["status", "approved_on", "updated_at"])
    _audit_change(actor, "card.approve", membership, card, before)
    return card


@transaction.atomic
def card_issue(*, actor, card: UnionCard, number: str, on: date) -> UnionCard:
    membership = _current(card.person)
    require_member_keeper(actor, membership.unit)
    _check_status(card, CardStatus.APPROVED)
    number = normalize_text(number)
    if not number:
        raise ValidationError(_("Thiếu số thẻ."))
    if UnionCard.objects.filter(number=number).exists():
        raise ValidationError(
            _("Số thẻ %(number)s đã được cấp cho người khác.") % {"number": number}
        )
    before = snapshot(card)
    card.status, card.number, card.issued_on = CardStatus.ISSUED, number, on
    card.save(update_fields=["status", "number", "issued_on", "updated_at"])
    if card.replaces_id:
        UnionCard.objects.filter(pk=card.replaces_id).update(status=CardStatus.REPLACED)
    _audit_change(actor, "card.issue", membership, card, before)
    return card


def card_replace(*, actor, card: UnionCard, on: date) -> UnionCard:
    """Ask for a new card in place of an issued one; the old stays valid until the new is issued."""
    _check_status(card, CardStatus.ISSUED)
    return card_request(actor=actor, person=card.person, on=on, replaces=card)
