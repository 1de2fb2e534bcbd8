"""A member of G1 with a card taken through the steps, for the card tests."""

from __future__ import annotations

from datetime import date

from congdoan.members.cards import card_approve, card_issue, card_print, card_request
from tests.members.registry import admit, person

PRINTED = date(2021, 2, 1)


def printed_card(world, data=None, *, hand_over: bool = True):
    member = admit(world.dana, world.g1, data or person(), joined_on=date(2020, 3, 2)).person
    card = card_request(actor=world.dana, person=member, on=date(2021, 1, 1))
    card = card_approve(actor=world.charlie, card=card, on=date(2021, 1, 5))
    card = card_print(actor=world.dana, card=card, on=PRINTED)
    if hand_over:
        card = card_issue(actor=world.dana, card=card, on=date(2021, 2, 3))
    return card
