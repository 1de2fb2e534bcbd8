"""Union cards in the demo: ASTI's members carry cards issued through the three steps (the
union asks, the ward union above approves, the union hands the card over); a few requests wait
at each step for the demo's officers to try."""

from __future__ import annotations

from datetime import date

from congdoan.demo.users import demo_admin
from congdoan.members.cards import card_approve, card_issue, card_request
from congdoan.members.models import Person

UNION = "CDCS-ASTI"
REQUESTED, APPROVED, ISSUED = date(2025, 9, 1), date(2025, 9, 10), date(2025, 9, 20)
WAITING_APPROVAL = 3  # asked, for `kimlien` (the ward union) to approve
WAITING_HANDOVER = 2  # approved, for `asti` to hand over


def build_cards() -> dict[str, int]:
    actor = demo_admin()
    people = list(
        Person.objects.filter(
            memberships__unit__code=UNION,
            memberships__ended_on__isnull=True,
            memberships__started_on__lte=REQUESTED,
        ).order_by("sort_key", "pk")
    )
    issued = 0
    for position, person in enumerate(people):
        card = card_request(actor=actor, person=person, on=REQUESTED)
        if position < WAITING_APPROVAL:
            continue
        card = card_approve(actor=actor, card=card, on=APPROVED)
        if position < WAITING_APPROVAL + WAITING_HANDOVER:
            continue
        card_issue(actor=actor, card=card, number=f"HN-ASTI-{position + 1:05d}", on=ISSUED)
        issued += 1
    return {"cards": issued}
