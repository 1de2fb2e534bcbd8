"""One transfer between two unions waiting in the demo: a member of Chùa Hương's guest house
union (Mỹ Đức's, under another upper-level union) whose union asks ASTI's (kept by the city
federation directly) to receive them, for `asti` (or `thanhpho`) to accept, choosing the day,
or refuse."""

from __future__ import annotations

from congdoan.demo.users import demo_admin
from congdoan.members.models import Person
from congdoan.members.transfers import transfer_request
from congdoan.org.models import Unit

SENDER = "CDCS-CHUA-HUONG"
RECEIVER = "CDCS-ASTI"
NOTE = "Đoàn viên chuyển về làm việc tại Công ty TNHH Điện tử ASTI Hà Nội."  # a record, not UI


def build_transfers() -> int:
    sender, receiver = (Unit.objects.get(code=code) for code in (SENDER, RECEIVER))
    member = (
        Person.objects.filter(
            memberships__unit=sender, memberships__ended_on__isnull=True, posts__isnull=True
        )
        .order_by("sort_key", "pk")
        .first()
    )
    if member is None:
        return 0
    transfer_request(
        actor=demo_admin(),
        person=member,
        to_unit=receiver,
        note=NOTE,
    )
    return 1
