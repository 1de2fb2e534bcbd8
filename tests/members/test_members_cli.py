"""`congdoan members find`: the same search as the page, never a sensitive field."""

import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from congdoan.members.models import ExitKind, Gender
from congdoan.members.services import member_exit
from tests.members.registry import admit, person


@pytest.fixture
def registry(world):
    nhan = admit(
        world.alice, world.g1, person("Nguyễn Đức Nhân", party_joined_on=date(2010, 1, 1))
    ).person
    left = admit(
        world.alice, world.g3, person("Nguyễn Thị Nhàn", Gender.FEMALE, date(1990, 2, 2))
    ).person
    member_exit(actor=world.alice, person=left, on=date(2023, 1, 1), kind=ExitKind.RETIREMENT)
    return nhan, left


def test_find_without_tones_prints_one_line_per_person(registry, capsys):
    call_command("members", "find", "nguyen duc nhan")
    out = capsys.readouterr().out
    assert out.startswith(registry[0].code)
    assert "Nguyễn Đức Nhân | 12/05/1985 | Công đoàn Công ty TNHH Điện tử ASTI Hà Nội" in out


def test_json_has_stable_keys_and_no_sensitive_field(registry, capsys):
    call_command("members", "find", "nguyen", "--json")
    rows = json.loads(capsys.readouterr().out)
    assert [row["name"] for row in rows] == ["Nguyễn Thị Nhàn", "Nguyễn Đức Nhân"]
    assert set(rows[0]) == {
        "code",
        "name",
        "birth_date",
        "gender",
        "unit_code",
        "unit_name",
        "status",
    }
    assert rows[0]["status"] == "đã rời" and rows[1]["status"] == "đang sinh hoạt"
    assert "2010" not in json.dumps(rows)  # the Party date stays out


def test_unit_restricts_the_search_and_an_unknown_unit_is_refused(registry, capsys):
    call_command("members", "find", "nguyen", "--unit", "DD", "--json")
    assert [row["name"] for row in json.loads(capsys.readouterr().out)] == ["Nguyễn Đức Nhân"]
    with pytest.raises(CommandError, match="Không có đơn vị"):
        call_command("members", "find", "nguyen", "--unit", "KHONG-CO")
