"""What a card's QR answers anyone who scans it: valid, expired or revoked, with the holder's
name, their union and the card number only; or that the token is forged. A signature check and
one indexed read (the card by number and day printed, with its holder and union)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import F, FilteredRelation, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from congdoan.cards import tokens
from congdoan.cards.numbers import number_from_digits
from congdoan.members.models import CARD_ENDED, UnionCard
from congdoan.org.models import UnitVersion

VALID, EXPIRED, REVOKED, FORGED = "valid", "expired", "revoked", "forged"
VERDICTS = {
    VALID: _("THẺ HỢP LỆ"),
    EXPIRED: _("THẺ HẾT HẠN"),
    REVOKED: _("THẺ ĐÃ BỊ THU HỒI"),
    FORGED: _("MÃ KHÔNG HỢP LỆ"),
}


@dataclass(frozen=True)
class Verdict:
    state: str
    number: str = ""
    name: str = ""
    union: str = ""
    until: date | None = None  # the day it expired, or the day it was revoked

    @property
    def title(self) -> str:
        return str(VERDICTS[self.state])


def _cards(today: date):
    """Cards with their holder, the day the holder's open membership began (None: they left)
    and the name today of the union it is in: one statement."""
    open_membership = FilteredRelation(
        "person__memberships", condition=Q(person__memberships__ended_on__isnull=True)
    )
    name = UnitVersion.objects.valid_on(today).filter(unit=OuterRef("current__unit_id"))
    return (
        UnionCard.objects.select_related("person")
        .annotate(current=open_membership)
        .annotate(
            member_since=F("current__started_on"),
            union_name=Subquery(name.values("name")[:1]),
        )
    )


def verify_card(token: str, today: date) -> Verdict:
    try:
        claims = tokens.verify(token)
    except tokens.BadToken:
        return Verdict(FORGED)
    number = number_from_digits(claims.number_digits)
    card = (
        _cards(today)
        .filter(number=number, printed_on=claims.printed_on, person_id=claims.person_id)
        .first()
    )
    if card is None:  # signed, but its record is gone (de-identified): nothing to name
        return Verdict(REVOKED, number=number)
    shown = {"number": number, "name": card.person.full_name, "union": card.union_name or ""}
    if card.status in CARD_ENDED:
        return Verdict(REVOKED, until=card.revoked_on, **shown)
    if card.member_since is None:  # the holder has left the union
        return Verdict(EXPIRED, **shown)
    if card.valid_until is not None and card.valid_until < today:
        return Verdict(EXPIRED, until=card.valid_until, **shown)
    return Verdict(VALID, until=card.valid_until, **shown)
