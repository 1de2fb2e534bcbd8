"""The kept figures of some units, counted from their records: the one place that says how a
membership, a referral or an activity moves a unit's monthly figures. The same rules as the
live counts of `members.counts` and `activities.selectors`, month by month:

- a membership adds one member (a woman, a Party member from the day both hold) from the
  month it starts to the month before the one its `ended_on` falls in (the first day no
  longer a member); it is admitted in the month it starts by admission or readmission, and
  left in the month of its last day unless it ended by transfer;
- a referral is introduced in the month of its resolution and admitted in the month of its
  admission to the Party;
- an activity counts in its month for the path its unit had on its day.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth

from congdoan.activities.models import Activity
from congdoan.activities.selectors import with_version_of_the_day
from congdoan.figures.models import FLOWS, STOCKS
from congdoan.members.counts import ADMISSION_KINDS
from congdoan.members.models import ExitKind, Gender, Membership, PartyReferral, ReferralStatus

UnitKey = tuple[int, date]  # (unit id, first day of the month)


def month_of(day: date) -> date:
    return day.replace(day=1)


def _membership_moves(moves: dict[UnitKey, Counter], unit_ids: list[int]) -> None:
    rows = Membership.objects.filter(unit_id__in=unit_ids).values_list(
        "unit_id",
        "started_on",
        "ended_on",
        "entry_kind",
        "exit_kind",
        "person__gender",
        "person__party_joined_on",
    )
    for unit, start, end, entry, exit_kind, gender, party in rows.iterator(chunk_size=20_000):
        began = moves[unit, month_of(start)]
        began["members"] += 1
        if entry in ADMISSION_KINDS:
            began["admitted"] += 1
        woman = gender == Gender.FEMALE
        if woman:
            began["women"] += 1
        party_from = max(start, party) if party is not None else None
        counted = party_from is not None and (end is None or party_from < end)
        if counted:
            moves[unit, month_of(party_from)]["party"] += 1
        if end is None:
            continue
        gone = moves[unit, month_of(end)]
        gone["members"] -= 1
        gone["women"] -= woman
        gone["party"] -= counted
        if exit_kind != ExitKind.TRANSFER:
            moves[unit, month_of(end - timedelta(days=1))]["left"] += 1


def _referral_moves(moves: dict[UnitKey, Counter], unit_ids: list[int]) -> None:
    rows = PartyReferral.objects.filter(unit_id__in=unit_ids).values_list(
        "unit_id", "resolution_on", "status", "admitted_on"
    )
    for unit, resolved, status, admitted_on in rows.iterator(chunk_size=20_000):
        moves[unit, month_of(resolved)]["referred"] += 1
        if status == ReferralStatus.ADMITTED and admitted_on is not None:
            moves[unit, month_of(admitted_on)]["referrals_admitted"] += 1


def unit_rows(unit_ids: Iterable[int]) -> dict[UnitKey, dict[str, int]]:
    """Every month in which a figure of these units moved: the stocks at its end and its flows."""
    unit_ids = list(unit_ids)
    moves: dict[UnitKey, Counter] = defaultdict(Counter)
    _membership_moves(moves, unit_ids)
    _referral_moves(moves, unit_ids)
    rows: dict[UnitKey, dict[str, int]] = {}
    stock: dict[int, Counter] = defaultdict(Counter)
    for unit, month in sorted(moves):
        moved = moves[unit, month]
        if not any(moved.values()):
            continue
        held = stock[unit]
        held.update({name: moved[name] for name in STOCKS})
        rows[unit, month] = {
            **{name: held[name] for name in STOCKS},
            **{name: moved[name] for name in FLOWS},
        }
    return rows


ActivityKey = tuple[int, date, int, str]  # (unit, month, type, path on the day)


def activity_rows(unit_ids: Iterable[int]) -> dict[ActivityKey, dict[str, int]]:
    """Count and sums of these units' activities per month, type and path on the day."""
    rows = (
        with_version_of_the_day(Activity.objects.filter(unit_id__in=list(unit_ids)))
        .filter(day_version__path__isnull=False)
        .annotate(month=TruncMonth("started_on"))
        .values("unit_id", "month", "activity_type_id", "day_version__path")
        .annotate(n=Count("id"), people=Sum("people"), money=Sum("money"), quantity=Sum("quantity"))
        .order_by()
    )
    return {
        (row["unit_id"], row["month"], row["activity_type_id"], row["day_version__path"]): {
            "count": row["n"],
            "people": row["people"] or 0,
            "money": row["money"] or 0,
            "quantity": row["quantity"] or 0,
        }
        for row in rows
    }
