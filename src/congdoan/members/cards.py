"""Union cards: requested by the grassroots union, approved by the upper level, printed with the
person's card number and a signed QR (congdoan.cards), handed over by the union; replaced when
damaged (the old card ends when the new one is handed over) or lost (revoked at once)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.audit.services import snapshot
from congdoan.cards.keys import signing_key
from congdoan.cards.numbers import next_number, number_digits
from congdoan.cards.tokens import CardClaims, sign
from congdoan.core.text import format_date
from congdoan.members.models import CardStatus, Person, UnionCard
from congdoan.members.services import (
    _audit,
    _audit_change,
    _current,
    open_membership,
    require_member_keeper,
)
from congdoan.notices.services import keepers_of, notify_all
from congdoan.org.models import Level, Unit, UnitVersion
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
    CardStatus.APPROVED: "print",
    CardStatus.PRINTED: "issue",
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
    # A card request keeps no requester: the keepers of the member's union are told.
    notify_all(
        keepers_of(membership.unit).exclude(pk=actor.pk),
        title=_("Cấp trên đã duyệt cấp thẻ đoàn viên: %(name)s") % {"name": card.person.full_name},
        link=reverse("members:detail", args=[card.person_id]),
    )
    return card


def federation_of(unit: Unit, day: date) -> Unit:
    """The federation (LĐLĐ tỉnh, thành phố or central sector union) a unit stands under."""
    version = UnitVersion.objects.valid_on(day).filter(unit=unit).first() or open_version(unit)
    ids = [*version.ancestor_ids, unit.pk]
    found = Unit.objects.filter(pk__in=ids, unit_type__level=Level.FEDERATION).first()
    if found is None:
        raise ValidationError(_("Công đoàn này không thuộc liên đoàn lao động nào để ký thẻ."))
    return found


def _card_number(person: Person, federation: Unit) -> str:
    """The person's card number, given now from the federation's series at their first card."""
    if not person.card_number:
        person.card_number = next_number(federation)
        person.save(update_fields=["card_number", "updated_at"])
    return person.card_number


@transaction.atomic
def card_print(*, actor, card: UnionCard, on: date) -> UnionCard:
    """Print an approved card: the person's number, the day, the signed token of its QR."""
    membership = _current(card.person)
    require_member_keeper(actor, membership.unit)
    _check_status(card, CardStatus.APPROVED)
    federation = federation_of(membership.unit, on)
    number = _card_number(card.person, federation)
    if UnionCard.objects.filter(number=number, printed_on=on).exists():
        raise ValidationError(
            _("Thẻ số %(number)s đã được in ngày %(day)s; in thẻ mới từ ngày hôm sau.")
            % {"number": number, "day": format_date(on)}
        )
    key = signing_key(federation)
    claims = CardClaims(number_digits(number), card.person_id, on, key.pk)
    before = snapshot(card)
    card.status, card.number, card.printed_on = CardStatus.PRINTED, number, on
    card.token = sign(claims)
    card.valid_until = card.person.contract_ends_on if card.person.is_foreign else None
    card.save(
        update_fields=["status", "number", "printed_on", "token", "valid_until", "updated_at"]
    )
    _audit_change(actor, "card.print", membership, card, before)
    return card


@transaction.atomic
def card_issue(*, actor, card: UnionCard, on: date) -> UnionCard:
    """Hand a printed card over to the member; the card it replaces ends that day."""
    membership = _current(card.person)
    require_member_keeper(actor, membership.unit)
    _check_status(card, CardStatus.PRINTED)
    if on < card.printed_on:
        raise ValidationError(
            _("Ngày trao thẻ trước ngày in thẻ (%(day)s).") % {"day": format_date(card.printed_on)}
        )
    before = snapshot(card)
    card.status, card.issued_on = CardStatus.ISSUED, on
    card.save(update_fields=["status", "issued_on", "updated_at"])
    if card.replaces_id:
        UnionCard.objects.filter(pk=card.replaces_id, status=CardStatus.ISSUED).update(
            status=CardStatus.REPLACED, revoked_on=on
        )
    _audit_change(actor, "card.issue", membership, card, before)
    return card


@transaction.atomic
def card_replace(*, actor, card: UnionCard, on: date, lost: bool = False) -> UnionCard:
    """Ask for a new card in place of a handed-over one. A damaged card stays valid until the
    new one is handed over; a lost one is revoked at once (its QR then answers "revoked")."""
    _check_status(card, CardStatus.ISSUED)
    new = card_request(actor=actor, person=card.person, on=on, replaces=card)
    if lost:
        membership = _current(card.person)
        before = snapshot(card)
        card.status, card.revoked_on = CardStatus.REVOKED, on
        card.save(update_fields=["status", "revoked_on", "updated_at"])
        _audit_change(actor, "card.revoke", membership, card, before)
    return new


def union_cards(unit: Unit):
    """The cards of the union's current members."""
    return UnionCard.objects.filter(
        person__memberships__unit=unit, person__memberships__ended_on__isnull=True
    ).order_by("person__sort_key", "pk")


@transaction.atomic
def cards_print(*, actor, unit: Unit, on: date) -> list[UnionCard]:
    """Print every approved card of the union's members (all of them, or none with the reason)."""
    require_member_keeper(actor, unit)
    approved = union_cards(unit).filter(status=CardStatus.APPROVED).select_related("person")
    return [card_print(actor=actor, card=card, on=on) for card in approved]


@transaction.atomic
def cards_issue(*, actor, unit: Unit, on: date) -> list[UnionCard]:
    """Record that every printed card of the union's members was handed over on the day."""
    require_member_keeper(actor, unit)
    printed = union_cards(unit).filter(status=CardStatus.PRINTED).select_related("person")
    return [card_issue(actor=actor, card=card, on=on) for card in printed]
