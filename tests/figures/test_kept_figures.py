"""The kept monthly figures equal the live counts: random sequences of admissions, transfers,
exits, imports, Party referrals, reorganisations and activities, each through its service,
then the reports of random units and periods read from the kept rows and counted live must
be the same, and `figures check` must find nothing. Whole months are read from the kept rows
alone; a period ending inside a month from its kept months and its last days live."""

from __future__ import annotations

import calendar
import operator
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from congdoan.emulation import progress
from congdoan.figures import keep, reads, sources
from congdoan.imports.services import import_upload, run_import
from congdoan.members.models import ExitKind, Gender, Person, ReferralStatus
from congdoan.members.referrals import referral_advance, referral_create
from congdoan.members.services import member_exit, member_transfer
from congdoan.org.models import Unit, UnitVersion
from congdoan.org.services import unit_move, units_merge
from congdoan.reports import dashboard
from congdoan.reports.figures import build_report
from congdoan.reports.summary import report_summary
from tests.activities.helpers import record
from tests.factories import decision
from tests.imports.workbooks import member_workbook
from tests.members.registry import admit, citizen_id, person

GRASSROOTS = ["G1", "G2", "G3", "G4"]
UPPERS = ["DD", "TT", "KL", "HN"]
KINDS = ["dialogue", "care", "training", "initiative"]
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Thị Chi", "Phạm Văn Dũng", "Hoàng Thị Em"]


def _edges() -> st.SearchStrategy[date]:
    """Days on either side of a month's turn, where an off-by-one would show."""
    month = st.tuples(st.integers(2019, 2025), st.integers(1, 12))
    return month.flatmap(
        lambda ym: st.sampled_from([1, 2, calendar.monthrange(*ym)[1]]).map(
            lambda d: date(ym[0], ym[1], d)
        )
    )


DAYS = st.one_of(st.dates(date(2019, 1, 1), date(2025, 12, 31)), _edges())
PARTY = st.one_of(st.none(), DAYS)
OPS = st.one_of(
    st.tuples(st.just("admit"), st.sampled_from(GRASSROOTS), DAYS, st.booleans(), PARTY),
    st.tuples(st.just("transfer"), st.integers(0, 30), st.sampled_from(GRASSROOTS), DAYS),
    st.tuples(
        st.just("exit"), st.integers(0, 30), DAYS, st.sampled_from(["retirement", "job_ended"])
    ),
    st.tuples(st.just("import"), st.sampled_from(GRASSROOTS), DAYS, st.integers(1, 3)),
    st.tuples(st.just("refer"), st.integers(0, 30), DAYS, st.booleans(), st.integers(1, 90)),
    st.tuples(
        st.just("move"),
        st.sampled_from([*GRASSROOTS, "DD", "TT"]),  # a district moves with its unions
        st.sampled_from(["DD", "TT", "KL", "HN", "DN"]),
        DAYS,
    ),
    st.tuples(st.just("merge"), st.sampled_from(["DD", "TT", "G2", "G3"]), DAYS),
    st.tuples(
        st.just("activity"),
        st.sampled_from(GRASSROOTS + UPPERS),
        DAYS,
        st.sampled_from(KINDS),
        st.integers(0, 500),
    ),
)
PERIODS = st.tuples(
    st.sampled_from(GRASSROOTS + UPPERS + ["DN", "TLD"]),
    st.integers(2019, 2025),
    st.integers(1, 12),
    st.integers(0, 30),
    st.one_of(st.none(), st.integers(1, 27)),  # the period ends on this day of its last month
)


def _unit(code: str) -> Unit:
    return Unit.objects.get(code=code)


def _person(index: int) -> Person | None:
    people = list(Person.objects.order_by("pk"))
    return people[index % len(people)] if people else None


def _admit(world, code, day, woman, party) -> None:
    gender = Gender.FEMALE if woman else Gender.MALE
    name = NAMES[Person.objects.count() % len(NAMES)]
    admit(world.alice, _unit(code), person(name, gender, party_joined_on=party), day)


def _import(world, code, day, rows) -> None:
    lines = [
        [n, f"{NAMES[n % len(NAMES)]} {chr(65 + n)}", date(1990, 1, n), None,
         citizen_id("M", date(1990, 1, n)), "03/02/2015" if n % 2 else None, None]
        for n in range(1, rows + 1)
    ]  # fmt: skip
    job = import_upload(
        actor=world.alice, unit=_unit(code), filename="list.xlsx",
        data=member_workbook(lines), joined_on=day,
    )  # fmt: skip
    run_import(job, write=True)


def _refer(world, index, day, admitted, later) -> None:
    chosen = _person(index)
    if chosen is None:
        return
    referral = referral_create(
        actor=world.alice, person=chosen, resolution_number="3/NQ-CĐCS", resolution_on=day,
        party_cell="Chi bộ 1", co_introducer="Nguyễn Văn Hải",
    )  # fmt: skip
    if admitted:
        on = date.fromordinal(day.toordinal() + later)
        referral_advance(
            actor=world.alice, referral=referral, status=ReferralStatus.ADMITTED, on=on,
            admission_decision="12/QĐ-ĐU",
        )  # fmt: skip


def _apply(world, op) -> None:
    kind, *args = op
    actor = world.alice
    if kind == "admit":
        _admit(world, *args)
    elif kind == "import":
        _import(world, *args)
    elif kind == "refer":
        _refer(world, *args)
    elif kind == "transfer" and (chosen := _person(args[0])) is not None:
        member_transfer(actor=actor, person=chosen, to_unit=_unit(args[1]), on=args[2])
    elif kind == "exit" and (chosen := _person(args[0])) is not None:
        member_exit(actor=actor, person=chosen, on=args[1], kind=ExitKind(args[2]))
    elif kind == "move":
        unit_move(
            actor=actor, unit=_unit(args[0]), new_parent=_unit(args[1]), effective=args[2],
            decision=decision(),
        )  # fmt: skip
    elif kind == "merge":
        target = {"DD": "KL", "TT": "DD", "G2": "G1", "G3": "G1"}[args[0]]
        units_merge(
            actor=actor, sources=[_unit(args[0])], target=_unit(target), effective=args[1],
            decision=decision(),
        )  # fmt: skip
    elif kind == "activity":
        record(actor, _unit(args[0]), args[2], args[1], people=args[3] or None)


def _attempt(world, op) -> None:
    """Each write as a user makes it: refused ones (a date out of order…) change nothing."""
    try:
        with transaction.atomic():
            _apply(world, op)
    except (ValidationError, PermissionDenied):
        pass


def _period(year: int, month: int, months: int) -> tuple[date, date]:
    last = year * 12 + month - 1 + months
    end_year, end_month = divmod(last, 12)
    end_month += 1
    return date(year, month, 1), date(
        end_year, end_month, calendar.monthrange(end_year, end_month)[1]
    )


def _report(unit: Unit, start: date, end: date) -> dict:
    return report_summary(build_report(unit, start, end))


def _progress(start: date, end: date) -> dict:
    """Cluster progress's figures for every unit's subtree (as `covenant_progress` asks)."""
    versions = list(UnitVersion.objects.valid_on(end).values_list("pk", flat=True))
    return progress._figures(versions, start, end)


def _trend(unit: Unit, today: date) -> str:
    """The dashboard's monthly chart: kept months before this one, this month's days live."""
    return str(dashboard._trend_chart(build_report(unit, date(today.year, 1, 1), today), today))


def _members(version: UnitVersion, day: date):
    """The unit page's and home's members on the day (no split per child)."""
    return sources.member_figures(version, day)


def _kept_and_live(read, *args) -> tuple:
    kept = read(*args)
    with reads.live_counts():
        return kept, read(*args)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@example(  # a district moves after its unions' activities were recorded: paths of the day
    ops=[
        ("admit", "G1", date(2020, 3, 2), False, None),
        ("activity", "G1", date(2024, 5, 31), "training", 10),
        ("move", "DD", "DN", date(2023, 1, 1)),
    ],
    periods=[("HN", 2024, 1, 11), ("DN", 2024, 5, 0), ("TLD", 2024, 1, 11)],
)
@example(  # introduced by G1, a Party member from 1/7 when already in G2: G2's figures move
    ops=[
        ("admit", "G1", date(2024, 1, 2), False, None),
        ("transfer", 0, "G2", date(2024, 5, 1)),
        ("refer", 0, date(2024, 3, 1), True, 122),
    ],
    periods=[("G2", 2024, 7, 0), ("DD", 2024, 6, 1), ("HN", 2024, 1, 11)],
)
@example(  # a union moves inside the period: its earlier flows count under its new upper union
    ops=[
        ("admit", "G1", date(2024, 3, 4), True, None),
        ("exit", 0, date(2024, 5, 20), "retirement"),
        ("admit", "G1", date(2024, 6, 3), False, None),
        ("move", "G1", "TT", date(2024, 7, 1)),
    ],
    periods=[("TT", 2024, 1, 11), ("DD", 2024, 1, 11), ("HN", 2024, 1, 11), ("TLD", 2024, 6, 5)],
)
@example(  # the year to date: joined, moved, left and admitted to the Party in its last days
    ops=[
        ("admit", "G1", date(2024, 1, 8), True, date(2024, 6, 10)),
        ("admit", "G2", date(2024, 6, 3), False, None),
        ("transfer", 0, "G3", date(2024, 6, 5)),
        ("exit", 1, date(2024, 6, 12), "retirement"),
        ("refer", 0, date(2024, 6, 4), True, 2),
        ("activity", "G3", date(2024, 6, 6), "training", 10),
    ],
    periods=[("HN", 2024, 1, 5, 14), ("DD", 2024, 6, 0, 20), ("G3", 2024, 1, 5, 7)],
)
@given(
    ops=st.lists(OPS, min_size=1, max_size=14), periods=st.lists(PERIODS, min_size=3, max_size=6)
)
def test_kept_figures_equal_the_live_counts(world, ops, periods):
    with transaction.atomic():
        keep.rebuild()
        for op in ops:
            _attempt(world, op)
        assert keep.differences() == []
        reorganised = any(op[0] in ("move", "merge") for op in ops)
        for code, year, month, months, *inside in periods:
            start, end = _period(year, month, months)
            if inside and inside[0] is not None:  # the dashboard's year to date
                end = end.replace(day=inside[0])
                version = UnitVersion.objects.valid_on(end).filter(unit=_unit(code)).first()
                assert reorganised or not version or sources.kept_until(version, start, end)
            else:
                assert reads.kept_for(start, end)
            kept, live = _kept_and_live(_report, _unit(code), start, end)
            assert kept == live, (code, start, end)
            if version := UnitVersion.objects.valid_on(end).filter(unit=_unit(code)).first():
                assert operator.eq(*_kept_and_live(_members, version, end)), (code, end)
            kept, live = _kept_and_live(_progress, date(end.year, 1, 1), end)
            assert kept == live, end
            if _unit(code).exists_on(end - timedelta(days=months)):
                today = end - timedelta(days=months)  # inside a month, as days are
                assert operator.eq(*_kept_and_live(_trend, _unit(code), today)), (code, today)
        transaction.set_rollback(True)
