"""Union cards in the demo: ASTI's members carry cards through the four steps (the union asks,
the ward union above approves, the union prints the cards with their signed QR and hands them
over); a few wait at each step for the demo's officers to try, and one lost card was revoked
and replaced. Applications to join wait in ASTI's queue, a foreign worker's among them."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from congdoan.demo.users import demo_admin
from congdoan.joining.services import application_submit
from congdoan.members.cards import (
    card_approve,
    card_issue,
    card_print,
    card_replace,
    card_request,
)
from congdoan.members.models import Person
from congdoan.org.models import Unit

UNION = "CDCS-ASTI"
REQUESTED, APPROVED, PRINTED, ISSUED = (
    date(2025, 9, 1),
    date(2025, 9, 10),
    date(2025, 9, 15),
    date(2025, 9, 20),
)
LOST_ON = date(2025, 11, 3)
# The last members in name order wait at a step (the first ones have member logins).
WAITING_APPROVAL = 3  # asked, for `kimlien` (the ward union) to approve
WAITING_PRINT = 2  # approved, for `asti` to print
WAITING_HANDOVER = 2  # printed, for `asti` to hand over
APPLICATIONS = [
    {"full_name": "Đỗ Thị Hồng Nhung", "gender": "F", "birth_date": date(2001, 4, 9),
     "citizen_id": "001301004567", "job": "Công nhân lắp ráp"},
    {"full_name": "Lê Văn Quyết", "gender": "M", "birth_date": date(1998, 11, 22),
     "citizen_id": "001098011234", "job": "Kỹ thuật viên kiểm tra chất lượng"},
    {"full_name": "Kim Min Jun", "gender": "M", "birth_date": date(1990, 2, 14),
     "nationality": "Hàn Quốc", "foreign_document": "M12345678",
     "contract_starts_on": date(2025, 3, 1), "contract_ends_on": date(2027, 2, 28),
     "job": "Kỹ sư dây chuyền SMT"},
]  # fmt: skip


def _steps(actor, card, position: int) -> None:
    """Take the card through the steps its place in the list reaches."""
    waiting = WAITING_APPROVAL
    if position < waiting:
        return
    card = card_approve(actor=actor, card=card, on=APPROVED)
    waiting += WAITING_PRINT
    if position < waiting:
        return
    card = card_print(actor=actor, card=card, on=PRINTED)
    waiting += WAITING_HANDOVER
    if position < waiting:
        return
    card_issue(actor=actor, card=card, on=ISSUED)


def _lost_and_replaced(actor, person: Person) -> None:
    """The card is reported lost: revoked at once, a new one asked, approved and printed."""
    old = person.cards.get()
    new = card_replace(actor=actor, card=old, on=LOST_ON, lost=True)
    new = card_approve(actor=actor, card=new, on=LOST_ON)
    card_print(actor=actor, card=new, on=LOST_ON)


def build_cards() -> dict[str, int]:
    actor = demo_admin()
    people = list(
        Person.objects.filter(
            memberships__unit__code=UNION,
            memberships__ended_on__isnull=True,
            memberships__started_on__lte=REQUESTED,
        ).order_by("sort_key", "pk")
    )
    for index, person in enumerate(people):  # the last in the list wait: the first sign in
        position = len(people) - 1 - index
        _steps(actor, card_request(actor=actor, person=person, on=REQUESTED), position)
    _lost_and_replaced(actor, people[len(people) // 2])
    union = Unit.objects.get(code=UNION)
    today = timezone.localdate()  # kept today: the reference's year is the submitted date's
    for data in APPLICATIONS:
        application_submit(
            unit=union,
            data={"workplace": "Công ty TNHH Điện tử ASTI Hà Nội", "phone": "0912345678", **data},
            today=today,
        )
    return {"cards": len(people), "applications": len(APPLICATIONS)}
