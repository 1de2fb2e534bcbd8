"""Every reorganisation, the tree as of a past date, and the refusals that change nothing."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.accounts.scope import scope_for
from congdoan.audit.models import AuditEntry
from congdoan.org.models import Reorganisation, Unit, UnitType, UnitVersion
from congdoan.org.selectors import ancestors_on, children_on, display_version, subtree_counts
from congdoan.org.services import (
    DecisionInput,
    NewUnit,
    preview,
    unit_end,
    unit_establish,
    unit_move,
    unit_rename,
    unit_split,
    units_merge,
)
from tests.factories import decision, make_unit

REFORM = date(2025, 7, 1)
BEFORE = date(2025, 6, 30)


def child_codes(unit, day, scope_user):
    return sorted(v.unit.code for v in children_on(unit, day, scope_for(scope_user)))


def snapshot():
    return (
        list(UnitVersion.objects.order_by("pk").values_list()),
        list(Unit.objects.order_by("pk").values_list()),
        AuditEntry.objects.count(),
        Reorganisation.objects.count(),
    )


def test_moving_a_grassroots_union_keeps_the_old_parent_in_the_past(world):
    unit_move(
        actor=world.bob, unit=world.g1, new_parent=world.kl, effective=REFORM, decision=decision()
    )
    assert child_codes(world.dd, BEFORE, world.alice) == ["G1", "G2"]
    assert child_codes(world.dd, REFORM, world.alice) == ["G2"]
    assert child_codes(world.kl, REFORM, world.alice) == ["G1"]
    assert [v.unit.code for v in ancestors_on(display_version(world.g1, BEFORE), BEFORE)] == [
        "TLD",
        "HN",
        "DD",
    ]


def test_moving_a_subtree_carries_its_descendants(world):
    section = _section_under(world.g1)
    unit_move(
        actor=world.alice, unit=world.dd, new_parent=world.dn, effective=REFORM, decision=decision()
    )
    today = display_version(section, REFORM)
    assert [v.unit.code for v in ancestors_on(today, REFORM)] == ["TLD", "DN", "DD", "G1"]
    past = display_version(section, BEFORE)
    assert [v.unit.code for v in ancestors_on(past, BEFORE)] == ["TLD", "HN", "DD", "G1"]


def _section_under(unit):
    return make_unit("G1-S1", "Công đoàn bộ phận Sản xuất", "section", unit, on=date(2010, 1, 1))


def test_rename_shows_the_old_name_before_the_effective_date(world):
    unit_rename(
        actor=world.charlie,
        unit=world.g2,
        name="Công đoàn Trường Tiểu học Kim Liên mới",
        effective=date(2024, 1, 1),
        decision=decision("12/QĐ-LĐLĐ", date(2023, 12, 20)),
    )
    assert (
        display_version(world.g2, date(2023, 12, 31)).name == "Công đoàn Trường Tiểu học Kim Liên"
    )
    assert display_version(world.g2, date(2024, 1, 1)).name.endswith("mới")


def test_merge_hands_children_to_the_target_and_ends_the_sources(world):
    change = units_merge(
        actor=world.bob,
        sources=[world.dd, world.tt],
        target=world.kl,
        effective=REFORM,
        decision=decision(),
    )
    assert child_codes(world.kl, REFORM, world.alice) == ["G1", "G2", "G3"]
    world.dd.refresh_from_db()
    assert world.dd.ended_on == REFORM
    assert not world.dd.exists_on(REFORM) and world.dd.exists_on(BEFORE)
    assert child_codes(world.hn, date(2020, 1, 1), world.alice) == ["DD", "TT"]
    assert child_codes(world.hn, REFORM, world.alice) == ["KL"]
    assert any("hợp nhất vào" in line for line in change.summary)


def test_split_divides_children_between_new_units_and_ends_the_source(world):
    unit_split(
        actor=world.bob,
        unit=world.dd,
        parts=[
            NewUnit("DD-A", "Công đoàn phường Đống Đa"),
            NewUnit("DD-B", "Công đoàn phường Láng"),
        ],
        assignment={world.g1.pk: 0, world.g2.pk: 1},
        effective=REFORM,
        decision=decision(),
    )
    a, b = Unit.objects.get(code="DD-A"), Unit.objects.get(code="DD-B")
    assert child_codes(a, REFORM, world.alice) == ["G1"]
    assert child_codes(b, REFORM, world.alice) == ["G2"]
    world.dd.refresh_from_db()
    assert world.dd.ended_on == REFORM


def test_establish_and_end(world):
    unit_establish(
        actor=world.charlie,
        code="g9",
        name="  Công đoàn  Công ty Mới ",
        unit_type=UnitType.objects.get(code="grassroots"),
        parent=world.dd,
        effective=date(2021, 5, 1),
        decision=decision("5/QĐ-LĐLĐ", date(2021, 4, 28)),
    )
    new = Unit.objects.get(code="G9")
    assert display_version(new, date(2021, 5, 1)).name == "Công đoàn Công ty Mới"
    unit_end(
        actor=world.charlie,
        unit=new,
        effective=date(2023, 1, 1),
        decision=decision("9/QĐ-LĐLĐ", date(2022, 12, 1)),
    )
    assert child_codes(world.dd, date(2022, 6, 1), world.alice) == ["G1", "G2", "G9"]
    assert child_codes(world.dd, date(2023, 1, 1), world.alice) == ["G1", "G2"]


def test_subtree_counts_follow_the_date(world):
    assert subtree_counts(display_version(world.hn, BEFORE), BEFORE) == {2: 2, 3: 3}
    units_merge(
        actor=world.bob,
        sources=[world.dd, world.tt],
        target=world.kl,
        effective=REFORM,
        decision=decision(),
    )
    assert subtree_counts(display_version(world.hn, REFORM), REFORM) == {2: 1, 3: 3}


def test_every_change_is_audited_with_before_and_after(world):
    unit_move(
        actor=world.bob, unit=world.g1, new_parent=world.kl, effective=REFORM, decision=decision()
    )
    entry = AuditEntry.objects.filter(unit=world.g1, action="org.move").get()
    assert entry.actor == world.bob
    assert entry.before["parent"] == "DD" and entry.after["parent"] == "KL"
    assert entry.after["decision"].startswith("1940/QĐ-LĐLĐ")


def test_preview_describes_the_change_and_changes_nothing(world):
    before = snapshot()
    lines = preview(
        unit_move,
        actor=world.bob,
        unit=world.g1,
        new_parent=world.kl,
        effective=REFORM,
        decision=decision(),
    )
    assert lines == [
        "Chuyển Công đoàn Công ty TNHH Điện tử ASTI Hà Nội từ Liên đoàn Lao động quận Đống Đa "
        "sang Công đoàn phường Kim Liên từ 01/07/2025."
    ]
    assert snapshot() == before


REFUSALS = {
    "move under its own descendant": (
        lambda w: unit_move(
            actor=w.alice, unit=w.dd, new_parent=w.g1, effective=REFORM, decision=decision()
        ),
        "cấp dưới",
    ),
    "merge into itself": (
        lambda w: units_merge(
            actor=w.bob, sources=[w.dd], target=w.dd, effective=REFORM, decision=decision()
        ),
        "chính nó",
    ),
    "effective date before the unit existed": (
        lambda w: unit_rename(
            actor=w.bob, unit=w.g1, name="Tên mới", effective=date(2001, 1, 1), decision=decision()
        ),
        "trước ngày thành lập",
    ),
    "duplicate code": (
        lambda w: unit_establish(
            actor=w.bob,
            code="g2",
            name="Trùng mã",
            unit_type=UnitType.objects.get(code="grassroots"),
            parent=w.dd,
            effective=REFORM,
            decision=decision(),
        ),
        "đã được dùng",
    ),
    "missing decision number": (
        lambda w: unit_move(
            actor=w.bob,
            unit=w.g1,
            new_parent=w.kl,
            effective=REFORM,
            decision=DecisionInput(number=" ", signed_on=BEFORE, signer="X"),
        ),
        "Thiếu số quyết định",
    ),
    "malformed decision number": (
        lambda w: unit_move(
            actor=w.bob,
            unit=w.g1,
            new_parent=w.kl,
            effective=REFORM,
            decision=DecisionInput(number="abc", signed_on=BEFORE, signer="X"),
        ),
        "không đúng dạng",
    ),
    "ending a unit that still has children": (
        lambda w: unit_end(actor=w.bob, unit=w.dd, effective=REFORM, decision=decision()),
        "còn 2 đơn vị trực thuộc",
    ),
    "grassroots union above a district": (
        lambda w: unit_move(
            actor=w.alice, unit=w.tt, new_parent=w.g1, effective=REFORM, decision=decision()
        ),
        "không thể trực thuộc",
    ),
}


@pytest.mark.parametrize("case", REFUSALS, ids=list(REFUSALS))
def test_bad_reorganisations_are_refused_in_vietnamese_and_change_nothing(world, case):
    attempt, message = REFUSALS[case]
    before = snapshot()
    with pytest.raises(ValidationError) as error:
        attempt(world)
    assert message in " ".join(error.value.messages)
    assert snapshot() == before


def test_a_change_dated_before_the_last_one_is_refused(world):
    unit_rename(actor=world.bob, unit=world.g1, name="A", effective=REFORM, decision=decision())
    before = snapshot()
    with pytest.raises(ValidationError, match="không sửa lại quá khứ"):
        unit_rename(actor=world.bob, unit=world.g1, name="B", effective=BEFORE, decision=decision())
    assert snapshot() == before


@pytest.mark.parametrize(
    "who, action",
    [
        (
            "charlie",
            lambda w: unit_move(
                actor=w.charlie, unit=w.g1, new_parent=w.tt, effective=REFORM, decision=decision()
            ),
        ),
        (
            "charlie",
            lambda w: unit_rename(
                actor=w.charlie, unit=w.g3, name="X", effective=REFORM, decision=decision()
            ),
        ),
        (
            "dana",
            lambda w: unit_rename(
                actor=w.dana, unit=w.g1, name="X", effective=REFORM, decision=decision()
            ),
        ),
        (
            "frank",
            lambda w: unit_end(actor=w.frank, unit=w.g2, effective=REFORM, decision=decision()),
        ),
        ("bob", lambda w: unit_end(actor=w.bob, unit=w.g4, effective=REFORM, decision=decision())),
    ],
)
def test_changes_outside_the_users_scope_are_refused(world, who, action):
    before = snapshot()
    with pytest.raises(PermissionDenied) as error:
        action(world)
    assert "quyền" in str(error.value)
    assert snapshot() == before
