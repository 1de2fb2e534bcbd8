"""The tree at national scale: subtree counts, ancestors, the tree as of a past date."""

from datetime import date

from bench.harness import compare, sql
from bench.national_tree import REFORM
from congdoan.accounts.scope import Scope
from congdoan.org.models import Unit, UnitVersion
from congdoan.org.selectors import ancestors_on, children_on, subtree_counts, version_on

TODAY = date(2026, 1, 1)
PAST = date(2020, 1, 1)

VALID_ON = "v.valid_from <= %s AND (v.valid_to IS NULL OR v.valid_to > %s)"


def run(root_pk: int) -> list[dict]:
    root = Unit.objects.get(pk=root_pk)
    root_version = version_on(root, TODAY)
    leaf = Unit.objects.get(code="BENCH-G4242")
    leaf_version = version_on(leaf, PAST)
    everything = Scope(everything=True)
    results = [
        compare(
            "subtree count by level, whole country, today",
            lambda: subtree_counts(root_version, TODAY),
            lambda: sql(
                "SELECT t.level, count(*) FROM org_unitversion v "
                "JOIN org_unit u ON u.id = v.unit_id JOIN org_unittype t ON t.id = u.unit_type_id "
                f"WHERE v.path LIKE %s AND v.path <> %s AND {VALID_ON} GROUP BY t.level",
                [root_version.path + "%", root_version.path, TODAY, TODAY],
            ),
        ),
        compare(
            "ancestors of one grassroots union, past date",
            lambda: ancestors_on(version_on(leaf, PAST), PAST),
            lambda: sql(
                "SELECT a.unit_id, a.name FROM org_unitversion v JOIN org_unitversion a "
                "ON a.unit_id = ANY(string_to_array(trim(both '/' from v.path), '/')::bigint[]) "
                "AND a.valid_from <= %s AND (a.valid_to IS NULL OR a.valid_to > %s) "
                f"WHERE v.unit_id = %s AND {VALID_ON} ORDER BY a.depth",
                [PAST, PAST, leaf.pk, PAST, PAST],
            ),
        ),
        compare(
            "ancestors, the unit's version in hand (page case)",
            lambda: ancestors_on(leaf_version, PAST),
            lambda: sql(
                f"SELECT v.unit_id, v.name FROM org_unitversion v WHERE v.unit_id = ANY(%s) "
                f"AND {VALID_ON} ORDER BY v.depth",
                [leaf_version.ancestor_ids, PAST, PAST],
            ),
        ),
        compare(
            "whole tree as of a past date (all rows)",
            lambda: list(
                UnitVersion.objects.valid_on(PAST).values_list("unit_id", "parent_id", "name")
            ),
            lambda: sql(
                f"SELECT v.unit_id, v.parent_id, v.name FROM org_unitversion v WHERE {VALID_ON}",
                [PAST, PAST],
            ),
        ),
        compare(
            "one federation's children with counts, past date",
            lambda: list(children_on(_first_federation(), PAST, everything)),
            lambda: sql(
                "SELECT v.*, u.*, t.name, s.name, (SELECT count(*) FROM org_unitversion c "
                "WHERE c.parent_id = v.unit_id AND c.valid_from <= %s AND "
                "(c.valid_to IS NULL OR c.valid_to > %s)) FROM org_unitversion v "
                "JOIN org_unit u ON u.id = v.unit_id JOIN org_unittype t ON t.id = u.unit_type_id "
                "LEFT JOIN org_sector s ON s.id = u.sector_id "
                f"WHERE v.parent_id = %s AND {VALID_ON} ORDER BY t.order, v.name",
                [PAST, PAST, _first_federation().pk, PAST, PAST],
            ),
        ),
    ]
    print(f"(reorganisation date in the data: {REFORM:%d/%m/%Y})")
    return results


def _first_federation() -> Unit:
    return Unit.objects.get(code="BENCH-F0")
