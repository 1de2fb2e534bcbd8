"""The registry's figures for a unit's subtree, as of a day or over a period, counted from
memberships and referrals in the structure the tree had on that day (end of the period)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet

from congdoan.members.models import Gender, Membership, PartyReferral, ReferralStatus
from congdoan.org.models import Level, Unit, UnitVersion

# The counting rules, in one place. Each takes the subtree's path: a string for one unit, or an
# outer reference (emulation counts every unit of a cluster in one query).
ADMISSION_KINDS = ["admission", "readmission"]


def subtree_units(path, day: date) -> QuerySet:
    """Ids of the units below the path (the unit included) on the day."""
    return UnitVersion.objects.valid_on(day).filter(path__startswith=path).values("unit_id")


def units_during(path, start: date, end: date) -> QuerySet:
    """Ids of the units that stood below the path at any time in the period."""
    return (
        UnitVersion.objects.filter(path__startswith=path, valid_from__lte=end)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=start))
        .values("unit_id")
    )


def admitted(start: date, end: date) -> Q:
    """Memberships that began by admission or readmission in the period."""
    return Q(started_on__range=(start, end), entry_kind__in=ADMISSION_KINDS)


def left(start: date, end: date) -> Q:
    """Memberships whose last day fell in the period, other than by transfer (ended_on is the
    first day no longer a member)."""
    return Q(ended_on__gt=start, ended_on__lte=end + timedelta(days=1)) & ~Q(exit_kind="transfer")


def established(start: date, end: date) -> Q:
    return Q(established_on__range=(start, end))


def ended(start: date, end: date) -> Q:
    """Units whose last day fell in the period."""
    return Q(ended_on__gt=start, ended_on__lte=end + timedelta(days=1))


def referrals_admitted(start: date, end: date) -> Q:
    """Party referrals that ended in admission to the Party in the period."""
    return Q(status=ReferralStatus.ADMITTED, admitted_on__range=(start, end))


def referred(start: date, end: date) -> Q:
    """Party referrals resolved in the period."""
    return Q(resolution_on__range=(start, end))


def units_in_subtree(version: UnitVersion, day: date) -> QuerySet:
    """Ids of the unit and every unit below it on the day."""
    return subtree_units(version.path, day)


def memberships_on(version: UnitVersion, day: date) -> QuerySet[Membership]:
    return Membership.objects.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=day),
        started_on__lte=day,
        unit_id__in=units_in_subtree(version, day),
    )


@dataclass(frozen=True)
class MemberFigures:
    members: int
    women: int
    party_members: int


def member_figures(version: UnitVersion, day: date) -> MemberFigures:
    row = memberships_on(version, day).aggregate(
        members=Count("id"),
        women=Count("id", filter=Q(person__gender=Gender.FEMALE)),
        party=Count("id", filter=Q(person__party_joined_on__lte=day)),
    )
    return MemberFigures(members=row["members"], women=row["women"], party_members=row["party"])


@dataclass(frozen=True)
class PeriodFigures:
    admitted: int
    left: int
    grassroots_established: int
    grassroots_ended: int
    referred: int
    referrals_admitted: int


def period_figures(version: UnitVersion, start: date, end: date) -> PeriodFigures:
    """Movements from start to end (both included), in the structure of the end day."""
    units = units_in_subtree(version, end)
    moves = Membership.objects.filter(unit_id__in=units).aggregate(
        admitted=Count("id", filter=admitted(start, end)),
        left=Count("id", filter=left(start, end)),
    )
    grassroots_established, grassroots_ended = grassroots_moves(version, start, end)
    referrals = PartyReferral.objects.filter(unit_id__in=units).aggregate(
        referred=Count("id", filter=referred(start, end)),
        admitted=Count("id", filter=referrals_admitted(start, end)),
    )
    return PeriodFigures(
        admitted=moves["admitted"],
        left=moves["left"],
        grassroots_established=grassroots_established,
        grassroots_ended=grassroots_ended,
        referred=referrals["referred"],
        referrals_admitted=referrals["admitted"],
    )


def grassroots_moves(version: UnitVersion, start: date, end: date) -> tuple[int, int]:
    """Grassroots unions established and ended in the period, of those below the unit then."""
    row = Unit.objects.filter(
        unit_type__level=Level.GRASSROOTS, pk__in=units_during(version.path, start, end)
    ).aggregate(
        established=Count("id", filter=established(start, end)),
        ended=Count("id", filter=ended(start, end)),
    )
    return row["established"], row["ended"]
