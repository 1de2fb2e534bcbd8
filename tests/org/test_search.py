"""Finding units with or without tones, in any case, by abbreviation, and on the command line."""

import json
from datetime import date

import pytest
from django.core.management import call_command

from congdoan.accounts.scope import scope_for
from congdoan.org.selectors import search_units
from congdoan.org.services import unit_rename
from tests.factories import decision


@pytest.mark.parametrize(
    "typed", ["dong da", "Đống Đa", "DONG DA", "Dong Da", "đống  đa", "ldld dong da"]
)
def test_dong_da_is_found_however_it_is_typed(world, typed):
    codes = [v.unit.code for v in search_units(scope_for(world.bob), typed)]
    assert codes[0] == "DD"


def test_abbreviations_find_what_they_stand_for(world):
    found = [v.unit.code for v in search_units(scope_for(world.bob), "cd co so asti")]
    assert found == ["G1"]
    assert [
        v.unit.code for v in search_units(scope_for(world.bob), "lien doan lao dong thanh tri")
    ] == ["TT"]


def test_search_stays_inside_the_scope(world):
    assert search_units(scope_for(world.charlie), "thanh tri") == []
    assert [v.unit.code for v in search_units(scope_for(world.alice), "da nang")] == ["DN", "G4"]
    assert search_units(scope_for(world.bob), "da nang") == []


def test_old_names_still_find_a_renamed_unit_and_the_date_picks_the_name(world):
    unit_rename(
        actor=world.bob,
        unit=world.g2,
        name="Công đoàn Trường Tiểu học Kim Liên 2",
        effective=date(2024, 1, 1),
        decision=decision(),
    )
    scope = scope_for(world.bob)
    assert [v.name for v in search_units(scope, "truong tieu hoc", as_of=date(2020, 1, 1))] == [
        "Công đoàn Trường Tiểu học Kim Liên"
    ]
    assert [v.name for v in search_units(scope, "truong tieu hoc")] == [
        "Công đoàn Trường Tiểu học Kim Liên 2"
    ]


def test_an_as_of_date_leaves_out_units_that_did_not_exist(world):
    scope = scope_for(world.bob)
    assert search_units(scope, "kim lien", as_of=date(2020, 1, 1))[0].unit.code == "G2"
    assert "KL" in [v.unit.code for v in search_units(scope, "kim lien", as_of=date(2025, 7, 1))]


def test_units_find_prints_json(world, capsys):
    call_command("units", "find", "dong da", "--as-of", "2020-01-01", "--json")
    rows = json.loads(capsys.readouterr().out)
    assert rows[0] == {
        "code": "DD",
        "name": "Liên đoàn Lao động quận Đống Đa",
        "short_name": "LĐLĐ quận Đống Đa",
        "type": "Liên đoàn Lao động quận, huyện, thị xã",
        "parent_code": "HN",
        "parent_name": "Liên đoàn Lao động thành phố Hà Nội",
        "established_on": "2000-01-01",
        "ended_on": None,
        "valid_from": "2000-01-01",
        "valid_to": None,
    }


def test_units_find_prints_lines_and_refuses_a_bad_date(world, capsys):
    call_command("units", "find", "DONG DA")
    out = capsys.readouterr().out
    assert out.startswith("DD") and "cấp trên: Liên đoàn Lao động thành phố Hà Nội" in out
    with pytest.raises(Exception, match="Ngày không hợp lệ"):
        call_command("units", "find", "x", "--as-of", "31/12/2020")
