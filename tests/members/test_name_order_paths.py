"""The registry's name order is the same whichever way `find_people` fetches it: walking the
name-order index when matches come densely at its head, gathering and sorting them otherwise,
and with a union's units read as a list or as a subquery; migration 0010 applies both ways."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from congdoan.accounts.scope import Scope
from congdoan.members import selectors
from congdoan.members.models import Person
from congdoan.members.selectors import MemberFilter, find_people
from congdoan.org.selectors import version_on
from tests.members.registry import admit, person

TODAY = date(2026, 1, 1)
EVERYONE = Scope(everything=True)
NAMES = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Nguyễn Thị Yến",
    "Lê Văn Hùng",
    "Nguyễn Hưng",
    "Phạm Ngọc Anh",
    "Nguyễn Văn Anh",
    "Hoàng Nguyên Yến",
]


@pytest.fixture
def registry(world):
    for number, name in enumerate(NAMES):
        admit(world.alice, world.g1 if number % 2 else world.g2, person(name))
    return world


def _names(wanted: MemberFilter) -> list[str]:
    return [p.full_name for p in find_people(EVERYONE, wanted, today=TODAY)[:50]]


def _expected(people) -> list[str]:
    return [p.full_name for p in sorted(people, key=lambda p: (p.sort_key, p.pk))]


def _sorts_on_its_own(wanted: MemberFilter) -> bool:
    return "|| ''" in str(find_people(EVERYONE, wanted, today=TODAY).query)


@pytest.mark.parametrize("window, dense", [(3, 1), (3, 3), (100, 1), (2, 50)])
@pytest.mark.parametrize("text", ["nguyen", "yen", "van an", "hung"])
def test_both_fetches_of_a_search_keep_the_name_order(registry, monkeypatch, window, dense, text):
    monkeypatch.setattr(selectors, "EARLY_WINDOW", window)
    monkeypatch.setattr(selectors, "DENSE_EARLY", dense)
    wanted = MemberFilter(text=text, status="all")
    matching = [p for p in Person.objects.all() if f" {text.split()[-1]}" in p.search_text]
    matching = [p for p in matching if all(f" {w} " in p.search_text for w in text.split()[:-1])]
    assert matching and _names(wanted) == _expected(matching)


def test_the_probe_chooses_the_walk_only_for_dense_heads(registry, monkeypatch):
    monkeypatch.setattr(selectors, "EARLY_WINDOW", 4)
    monkeypatch.setattr(selectors, "DENSE_EARLY", 2)
    head = Person.objects.order_by("sort_key", "pk")[:4]
    assert sum("nguyen" in p.search_text for p in head) >= 2
    assert not _sorts_on_its_own(MemberFilter(text="nguyen", status="all"))
    assert _sorts_on_its_own(MemberFilter(text="yen", status="all"))  # given names late in order
    assert not _sorts_on_its_own(MemberFilter(status="all"))  # no words: always the walk


@pytest.mark.parametrize("few_units", [0, 200])
def test_a_unions_page_is_the_same_with_its_units_listed_or_not(registry, monkeypatch, few_units):
    monkeypatch.setattr(selectors, "FEW_UNITS", few_units)
    for unit in (registry.g1, registry.dd):
        path = version_on(unit, TODAY).path
        members = Person.objects.filter(
            memberships__unit__versions__path__startswith=path, memberships__ended_on__isnull=True
        ).distinct()
        assert _names(MemberFilter(unit_path=path)) == _expected(members)


def _index_names() -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, "members_person"))


@pytest.mark.django_db(transaction=True)
def test_name_order_index_migration_applies_and_reverts():
    executor = MigrationExecutor(connection)
    assert "members_person_name_order" in _index_names()
    executor.migrate([("members", "0009_merge_cards_and_index")])
    try:
        assert "members_person_name_order" not in _index_names()
    finally:  # the database back at the latest state, whatever happened
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    assert "members_person_name_order" in _index_names()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'members_person_name_order'"
            )
            assert "INCLUDE (search_text)" in cursor.fetchone()[0]
