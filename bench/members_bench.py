"""The registry at a million members: name search (p50, p95), member counts as of a date, and one
sorted page of a large union, each against the plain-SQL floor for the same answer."""

from __future__ import annotations

import random
import statistics
import time
from datetime import date

from django.db.models import Count

from bench.harness import compare, record, sql
from congdoan.accounts.scope import Scope
from congdoan.members.counts import member_figures
from congdoan.members.models import Membership
from congdoan.members.selectors import MemberFilter, find_people
from congdoan.org.models import Unit
from congdoan.org.selectors import version_on

DAY = date(2026, 1, 1)
EVERYONE = Scope(everything=True)
QUERIES = [
    "nguyen van an",
    "tran thi",
    "le duc",
    "pham minh",
    "hoang thi thu",
    "vu quang",
    "dang van",
    "bui ngoc",
    "do thanh",
    "ho huu",
    "ngo xuan",
    "duong manh",
    "ly hong",
    "phan thi lan",
    "nguyen",
    "tran",
    "thi hoa",
    "van hung",
    "minh tuan",
    "ngoc anh",
]


def _percentiles(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.95) - 1] * 1000


def _timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def name_search(rounds: int = 200) -> dict:
    rng = random.Random(3)
    texts = [rng.choice(QUERIES) for _ in range(rounds)]

    def ours(text):
        return list(find_people(EVERYONE, MemberFilter(text=text, status="all"), today=DAY)[:50])

    def floor(text):
        words = text.split()
        where = " AND ".join("search_text LIKE %s" for _ in words)
        return sql(
            f"SELECT * FROM members_person WHERE {where} ORDER BY sort_key, id LIMIT 50",
            [f"% {w}%" for w in words],
        )

    for text in QUERIES:  # warm
        ours(text), floor(text)
    ours_p50, ours_p95 = _percentiles([_timed(lambda t=t: ours(t)) for t in texts])
    floor_p50, floor_p95 = _percentiles([_timed(lambda t=t: floor(t)) for t in texts])
    print(
        f"{'name search, 50 rows, p50':<46} ours {ours_p50:9.2f} ms   floor {floor_p50:9.2f} ms"
        f"   ratio {ours_p50 / floor_p50:5.2f}×"
    )
    print(
        f"{'name search, 50 rows, p95':<46} ours {ours_p95:9.2f} ms   floor {floor_p95:9.2f} ms"
        f"   ratio {ours_p95 / floor_p95:5.2f}×"
    )
    record("name search, 50 rows, p50", ours_ms=ours_p50, floor_ms=floor_p50,
           ratio=ours_p50 / floor_p50)  # fmt: skip
    record("name search, 50 rows, p95", ours_ms=ours_p95, floor_ms=floor_p95,
           ratio=ours_p95 / floor_p95)  # fmt: skip
    return {"p50_ms": ours_p50, "p95_ms": ours_p95}


def counts(root_pk: int) -> None:
    root = version_on(Unit.objects.get(pk=root_pk), DAY)
    upper = version_on(_largest_upper(), DAY)
    for label, version in (("whole tree", root), ("one upper-level union", upper)):
        compare(
            f"member count as of a date, {label}",
            lambda v=version: member_figures(v, DAY),
            lambda v=version: sql(
                "SELECT count(*), count(*) FILTER (WHERE p.gender = 'F'), "
                "count(*) FILTER (WHERE p.party_joined_on <= %s) "
                "FROM members_membership m JOIN members_person p ON p.id = m.person_id "
                "WHERE m.started_on <= %s AND (m.ended_on IS NULL OR m.ended_on > %s) "
                "AND m.unit_id IN (SELECT unit_id FROM org_unitversion WHERE path LIKE %s "
                "AND valid_from <= %s AND (valid_to IS NULL OR valid_to > %s))",
                [DAY, DAY, DAY, v.path + "%", DAY, DAY],
            ),
        )


def sorted_page() -> None:
    unit_pk = (
        Membership.objects.values("unit_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("unit_id", flat=True)
        .first()
    )
    version = version_on(Unit.objects.get(pk=unit_pk), DAY)
    wanted = MemberFilter(unit_path=version.path)
    compare(
        "one sorted page (50) of the largest union",
        lambda: list(find_people(EVERYONE, wanted, today=DAY)[:50]),
        lambda: sql(
            "SELECT p.* FROM members_person p WHERE EXISTS (SELECT 1 FROM members_membership m "
            "WHERE m.person_id = p.id AND m.ended_on IS NULL AND m.unit_id = %s) "
            "ORDER BY p.sort_key, p.id LIMIT 50",
            [unit_pk],
        ),
    )


def member_page(rounds: int = 100) -> dict | None:
    """The member page of random members through the whole stack (middleware, scope, template),
    as the federation's administrator, against the floor of reading the page's rows in SQL."""
    from django.test import Client, override_settings

    from congdoan.demo.users import demo_admin

    people = [
        row[0]
        for row in sql(
            "SELECT person_id FROM members_membership WHERE ended_on IS NULL "
            "ORDER BY (person_id * 7919) %% 1000003 LIMIT %s",
            [rounds],
        )
    ]
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(demo_admin())

    def floor(pk: int) -> None:
        sql("SELECT * FROM members_person WHERE id = %s", [pk])
        sql(
            "SELECT m.*, v.name, v.path FROM members_membership m JOIN org_unitversion v ON "
            "v.unit_id = m.unit_id AND v.valid_to IS NULL WHERE m.person_id = %s",
            [pk],
        )

    with override_settings(CONGDOAN_REQUIRE_2FA=False):
        status = client.get(f"/members/{people[0]}/").status_code
        if status != 200:
            print(f"member page: HTTP {status}, not measured")
            return None
        ours = [_timed(lambda pk=pk: client.get(f"/members/{pk}/")) for pk in people]
    floors = [_timed(lambda pk=pk: floor(pk)) for pk in people]
    (ours_p50, ours_p95), (floor_p50, floor_p95) = _percentiles(ours), _percentiles(floors)
    print(f"member page p50 {ours_p50:.1f} ms, p95 {ours_p95:.1f} ms (floor p95 {floor_p95:.1f})")
    return record(
        "member page, p95",
        ours_ms=ours_p95, floor_ms=floor_p95, p50_ms=ours_p50, floor_p50_ms=floor_p50,
        ratio=ours_p95 / floor_p95 if floor_p95 else None,
    )  # fmt: skip


def _largest_upper() -> Unit:
    return Unit.objects.get(code="BENCH-U1")


def run(root_pk: int) -> None:
    name_search()
    counts(root_pk)
    sorted_page()
    member_page()
