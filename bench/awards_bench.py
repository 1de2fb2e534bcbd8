"""Commendation at city scale: a campaign with 10,000 nominations across 6,400 grassroots unions.
Times eligibility sheets for all, the council's ranked list and the decision's Word document
(10,000 awardees, with its peak memory), each against a plain-SQL floor where one exists."""

from __future__ import annotations

import os
import random
import time
import tracemalloc
from datetime import date

from django.db import connection

from bench.harness import compare, median_seconds, record, reset_sequences, sql
from congdoan.accounts.models import User
from congdoan.awards.catalogue import load_titles
from congdoan.awards.eligibility import Nominee, eligibility_sheet, eligibility_sheets
from congdoan.awards.models import (
    Allocation,
    Award,
    AwardDecision,
    Campaign,
    CouncilMember,
    Criterion,
    Nomination,
    Rule,
    Score,
    Status,
    Title,
)
from congdoan.awards.papers import decision_document
from congdoan.awards.selectors import ranked
from congdoan.core.documents import as_docx, as_pdf
from congdoan.members.models import EntryKind, Gender, Membership, Official, Person
from congdoan.org.models import Decision, Position, Sector, Unit, UnitType, UnitVersion

UNIONS = 6_400
NOMINATIONS = 10_000
SEATS = 3
START = date(2005, 1, 1)
REFERENCE = date(2020, 1, 15)
BATCH = 5_000


def _tree() -> tuple[Unit, list[Unit]]:
    types = dict(UnitType.objects.values_list("code", "pk"))
    sector = Sector.objects.get(code="non-state")
    top = (Unit.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    fed = Unit.objects.create(
        pk=top, code="AWB-FED", unit_type_id=types["federation"], established_on=START
    )
    UnitVersion.objects.create(
        unit=fed, name="LĐLĐ (bench awards)", path=f"/{fed.pk}/", depth=1, valid_from=START
    )
    units = [
        Unit(
            pk=top + i,
            code=f"AWB-G{i}",
            unit_type_id=types["grassroots"],
            sector=sector,
            established_on=START,
        )
        for i in range(1, UNIONS + 1)
    ]
    Unit.objects.bulk_create(units, batch_size=BATCH)
    UnitVersion.objects.bulk_create(
        [
            UnitVersion(
                unit_id=u.pk,
                parent=fed,
                name=f"Công đoàn Công ty {u.pk}",
                path=f"/{fed.pk}/{u.pk}/",
                depth=2,
                valid_from=START,
            )
            for u in units
        ],
        batch_size=BATCH,
    )
    reset_sequences(Unit, UnitVersion)  # the units carry their own ids
    return fed, units


def _people(units: list[Unit], rng: random.Random) -> list[Person]:
    people = []
    for i in range(NOMINATIONS):
        person = Person(
            family_name="Nguyễn",
            middle_name="Văn",
            given_name=f"Bench{i}",
            gender=Gender.MALE,
            party_joined_on=date(2010, 1, 1),
            union_joined_on=START,
        )
        person.refresh_derived()
        people.append(person)
    people = Person.objects.bulk_create(people, batch_size=BATCH)
    chair = Position.objects.get(code="chair")
    homes = [units[i % len(units)] for i in range(len(people))]
    Membership.objects.bulk_create(
        [
            Membership(person=p, unit=u, started_on=START, entry_kind=EntryKind.ADMISSION)
            for p, u in zip(people, homes, strict=True)
        ],
        batch_size=BATCH,
    )
    Official.objects.bulk_create(
        [
            Official(person=p, unit=u, position=chair, starts_on=START)
            for p, u in zip(people, homes, strict=True)
        ],
        batch_size=BATCH,
    )
    rng.shuffle(people)
    return people


def _campaign(fed: Unit, units: list[Unit], people: list[Person]) -> Campaign:
    campaign = Campaign.objects.create(
        name="Bench",
        title=Title.objects.get(code="can-bo-dang-vien-tieu-bieu"),
        organiser=fed,
        year=2020,
        reference_on=REFERENCE,
        quota=NOMINATIONS,
    )
    for order, rule in enumerate(
        [
            Rule.PARTY_MEMBER,
            Rule.POSITION,
            Rule.NON_STATE_DIRECT,
            Rule.MEMBERSHIP_YEARS,
            Rule.NO_EXCLUSION,
        ]
    ):
        Criterion.objects.create(
            campaign=campaign,
            order=order,
            rule=rule,
            text=rule.label,
            params={"years": 3} if rule == Rule.MEMBERSHIP_YEARS else {},
        )
    allocations = Allocation.objects.bulk_create(
        [Allocation(campaign=campaign, unit=u, quota=2) for u in units], batch_size=BATCH
    )
    by_unit = {a.unit_id: a for a in allocations}
    homes = dict(Membership.objects.filter(person__in=people).values_list("person_id", "unit_id"))
    Nomination.objects.bulk_create(
        [
            Nomination(
                campaign=campaign,
                person=p,
                nominating_unit_id=homes[p.pk],
                allocation=by_unit[homes[p.pk]],
                status=Status.UPPER_APPROVED,
                achievement="x",
                sort_key=p.sort_key,
            )
            for p in people
        ],
        batch_size=BATCH,
    )
    return campaign


def _scores(campaign: Campaign, rng: random.Random) -> None:
    seats = [
        CouncilMember.objects.create(
            campaign=campaign, user=User.objects.get_or_create(username=f"awb-{i}")[0]
        )
        for i in range(SEATS)
    ]
    rows = []
    for nomination in campaign.nominations.only("pk"):
        for seat in seats:
            recused = rng.random() < 0.02
            rows.append(
                Score(
                    nomination=nomination,
                    member=seat,
                    recused=recused,
                    points=None if recused else rng.randint(50, 100),
                )
            )
    Score.objects.bulk_create(rows, batch_size=BATCH)


def _timed(label: str, work) -> float:
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    print(f"{label:<46} ours {seconds * 1000:9.0f} ms")
    record(label, ours_ms=seconds * 1000)
    return seconds


def _eligibility(campaign: Campaign, people: list[Person]) -> None:
    ours = _timed(
        "eligibility sheets, all 10,000 nominees",
        lambda: eligibility_sheets(campaign, people),
    )
    one = people[:100]
    single = _timed(
        "  one sheet at a time (as at nomination), 100",
        lambda: [eligibility_sheet(Nominee(campaign, person=p)) for p in one],
    )
    floor_sql = (
        "SELECT p.id, p.party_joined_on, p.union_joined_on, o.starts_on, u.sector_id, "
        "v.parent_id, e.kind FROM members_person p "
        "JOIN members_membership m ON m.person_id = p.id AND m.started_on <= %s "
        "AND (m.ended_on IS NULL OR m.ended_on > %s) "
        "LEFT JOIN org_official o ON o.person_id = p.id AND o.starts_on <= %s "
        "JOIN org_unit u ON u.id = m.unit_id "
        "LEFT JOIN org_unitversion v ON v.unit_id = u.id AND v.valid_from <= %s "
        "AND (v.valid_to IS NULL OR v.valid_to > %s) "
        "LEFT JOIN awards_exclusion e ON e.person_id = p.id "
        "WHERE p.id IN (SELECT person_id FROM awards_nomination WHERE campaign_id = %s)"
    )
    day = REFERENCE
    start = time.perf_counter()
    sql(floor_sql, [day, day, day, day, day, campaign.pk])
    floor = time.perf_counter() - start
    print(
        f"{'  floor: one query reading the same records':<46} floor {floor * 1000:8.0f} ms   "
        f"ratio {ours / floor:5.1f}× (one at a time: {single * 100 / floor:5.0f}× for all)"
    )
    record(
        "eligibility sheets against the floor of reading their records",
        ours_ms=ours * 1000,
        floor_ms=floor * 1000,
        ratio=ours / floor,
    )


def _decision(campaign: Campaign) -> None:
    paper = Decision.objects.create(number="1/QĐ-AWB", signed_on=date(2020, 3, 2), signer="A")
    made = AwardDecision.objects.create(
        decision=paper,
        issuer=campaign.organiser,
        campaign=campaign,
        kind="award",
        sequence=1,
        year=2020,
    )
    Award.objects.bulk_create(
        [
            Award(
                nomination_id=n.pk,
                campaign=campaign,
                title=campaign.title,
                person_id=n.person_id,
                nominating_unit_id=n.nominating_unit_id,
                decision=made,
                awarded_on=paper.signed_on,
            )
            for n in campaign.nominations.only("pk", "person_id", "nominating_unit_id")
        ],
        batch_size=BATCH,
    )
    data = {}
    _timed(
        "decision document, 10,000 awardees (Word)",
        lambda: data.update(docx=as_docx(decision_document(made))),
    )
    tracemalloc.start()  # a second run: tracing slows the first one down several times
    as_docx(decision_document(made))
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  peak memory {peak / 2**20:.0f} MiB, file {len(data['docx']) / 2**10:.0f} KiB")
    if os.environ.get("BENCH_AWARDS_PDF") == "1":
        _timed("decision document, 10,000 awardees (PDF)", lambda: as_pdf(decision_document(made)))


def _mean_of_scores() -> str:
    if connection.vendor == "postgresql":
        return "avg(s.points) FILTER (WHERE NOT s.recused)"
    return "avg(CASE WHEN NOT s.recused THEN s.points END)"


def _ranked(campaign: Campaign) -> None:
    """The council's list against the plain SQL reading what it must show: each nomination's
    nominee (the three parts of the name) and average, best first. The figures before December
    2026 compared it with the ids and averages alone; that floor is kept beside."""
    mean = _mean_of_scores()
    named = (
        "SELECT n.id, p.family_name, p.middle_name, p.given_name, t.mean "
        "FROM awards_nomination n LEFT JOIN members_person p ON p.id = n.person_id "
        f"LEFT JOIN (SELECT s.nomination_id, {mean} AS mean FROM awards_score s "
        "JOIN awards_nomination sn ON sn.id = s.nomination_id WHERE sn.campaign_id = %s "
        "GROUP BY s.nomination_id) t ON t.nomination_id = n.id "
        "WHERE n.campaign_id = %s ORDER BY t.mean DESC, n.sort_key"
    )
    unnamed = (
        f"SELECT n.id, {mean} AS mean FROM "
        "awards_nomination n LEFT JOIN awards_score s ON s.nomination_id = n.id "
        "WHERE n.campaign_id = %s GROUP BY n.id ORDER BY mean DESC, n.sort_key"
    )
    figures = compare(
        "council's ranked list (10,000, 3 seats)",
        lambda: list(ranked(campaign)),
        lambda: sql(named, [campaign.pk, campaign.pk]),
    )
    without_names = median_seconds(lambda: sql(unnamed, [campaign.pk]))
    ratio = figures["ours_ms"] / (without_names * 1000)
    print(
        f"{'  floor without the names':<46} floor {without_names * 1000:9.2f} ms   "
        f"ratio {ratio:5.2f}×"
    )
    figures.update(floor_without_names_ms=without_names * 1000, ratio_without_names=ratio)


def run() -> None:
    rng = random.Random(6)
    load_titles(Title)
    fed, units = _tree()
    people = _people(units, rng)
    campaign = _campaign(fed, units, people)
    _scores(campaign, rng)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"awards: {NOMINATIONS:,} nominations across {UNIONS:,} grassroots unions")
    _eligibility(campaign, people)
    _ranked(campaign)
    _decision(campaign)
