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
ONE_DAY = timedelta(days=1)


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
    return Q(ended_on__gt=start, ended_on__lte=end + ONE_DAY) & ~Q(exit_kind="transfer")


def established(start: date, end: date) -> Q:
    return Q(established_on__range=(start, end))


def ended(start: date, end: date) -> Q:
    """Units whose last day fell in the period."""
    return Q(ended_on__gt=start, ended_on__lte=end + ONE_DAY)


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


def stocks_by_unit(version: UnitVersion, day: date) -> list[tuple[int, int, int, int]]:
    """(unit, members, women, Party members) on the day: the figures of `member_figures`,
    counted per union in the same pass so the next level down costs no second scan."""
    return list(
        memberships_on(version, day)
        .values_list("unit_id")
        .annotate(
            members=Count("id"),
            women=Count("id", filter=Q(person__gender=Gender.FEMALE)),
            party=Count("id", filter=Q(person__party_joined_on__lte=day)),
        )
        .order_by()
    )


@dataclass(frozen=True)
class MemberFigures:
    members: int
    women: int
    party_members: int


def member_totals(rows: list[tuple[int, int, int, int]]) -> MemberFigures:
    """The figures of rows of (unit, members, women, Party members)."""
    return MemberFigures(
        members=sum(row[1] for row in rows),
        women=sum(row[2] for row in rows),
        party_members=sum(row[3] for row in rows),
    )


def member_figures(version: UnitVersion, day: date) -> MemberFigures:
    """Counted from the records (`figures.sources.member_figures` reads the kept rows)."""
    return member_totals(stocks_by_unit(version, day))


@dataclass(frozen=True)
class PeriodFigures:
    admitted: int
    left: int
    grassroots_established: int
    grassroots_ended: int
    referred: int
    referrals_admitted: int


def registry_flows(version: UnitVersion, start: date, end: date) -> dict[str, int]:
    """Admitted, left, referred and referrals admitted from start to end (both included), in
    the structure of the end day. Only the memberships that began or ended in the period are
    read: a union's long-standing members move no figure."""
    units = units_in_subtree(version, end)
    moves = (
        Membership.objects.filter(unit_id__in=units)
        .filter(Q(started_on__range=(start, end)) | Q(ended_on__range=(start, end + ONE_DAY)))
        .aggregate(
            admitted=Count("id", filter=admitted(start, end)),
            left=Count("id", filter=left(start, end)),
        )
    )
    referrals = PartyReferral.objects.filter(unit_id__in=units).aggregate(
        referred=Count("id", filter=referred(start, end)),
        referrals_admitted=Count("id", filter=referrals_admitted(start, end)),
    )
    return moves | referrals


def period_of(flows: dict[str, int], grassroots: tuple[int, int]) -> PeriodFigures:
    """The period's figures from the registry's flows and the grassroots unions (established,
    ended), however each was counted."""
    return PeriodFigures(
        admitted=flows["admitted"],
        left=flows["left"],
        grassroots_established=grassroots[0],
        grassroots_ended=grassroots[1],
        referred=flows["referred"],
        referrals_admitted=flows["referrals_admitted"],
    )


def period_figures(version: UnitVersion, start: date, end: date) -> PeriodFigures:
    """Movements from start to end (both included), in the structure of the end day."""
    return period_of(registry_flows(version, start, end), grassroots_moves(version, start, end))


def stock_changes(version: UnitVersion, after: date, day: date) -> dict[int, list[int]]:
    """[members, women, Party members] each unit of the subtree on the day gained from the end
    of `after` to the end of `day`: the memberships that began or ended between, and the
    members through both days whose Party membership began between."""
    units = units_in_subtree(version, day)
    on_day = Q(started_on__lte=day) & (Q(ended_on__isnull=True) | Q(ended_on__gt=day))
    before = Q(started_on__lte=after) & (Q(ended_on__isnull=True) | Q(ended_on__gt=after))
    woman = Q(person__gender=Gender.FEMALE)

    def gained(then_too: Q | None = None, now_too: Q | None = None) -> Count:
        return Count("id", filter=on_day & (now_too or Q())) - Count(
            "id", filter=before & (then_too or Q())
        )

    touched = Membership.objects.filter(unit_id__in=units).filter(
        Q(started_on__range=(after + ONE_DAY, day)) | Q(ended_on__range=(after + ONE_DAY, day))
    )
    rows = touched.values_list("unit_id").annotate(
        members=gained(),
        women=gained(woman, woman),
        party=gained(Q(person__party_joined_on__lte=after), Q(person__party_joined_on__lte=day)),
    )
    changes = {unit: list(numbers) for unit, *numbers in rows.order_by()}
    joined = Membership.objects.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=day),
        started_on__lte=after,
        unit_id__in=units,
        person__party_joined_on__range=(after + ONE_DAY, day),
    )
    for unit, n in joined.values_list("unit_id").annotate(Count("id")).order_by():
        changes.setdefault(unit, [0, 0, 0])[2] += n
    return changes


def grassroots_moves(version: UnitVersion, start: date, end: date) -> tuple[int, int]:
    """Grassroots unions established and ended in the period, of those below the unit then."""
    row = Unit.objects.filter(
        unit_type__level=Level.GRASSROOTS, pk__in=units_during(version.path, start, end)
    ).aggregate(
        established=Count("id", filter=established(start, end)),
        ended=Count("id", filter=ended(start, end)),
    )
    return row["established"], row["ended"]
