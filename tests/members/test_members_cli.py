"""`congdoan members find`: the same search as the page, never a sensitive field."""

import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from congdoan.members.models import Ethnicity, ExitKind, Gender, Religion
from congdoan.members.referrals import referral_create
from congdoan.members.services import member_exit
from tests.members.registry import admit, person


@pytest.fixture
def registry(world):
    """Nhân (G1, Party member since 2010, Tày, Catholic) and Nhàn (G3, left on 1/1/2023, referred
    to the Party in 2022)."""
    nhan = admit(
        world.alice,
        world.g1,
        person(
            "Nguyễn Đức Nhân",
            party_joined_on=date(2010, 1, 1),
            ethnicity=Ethnicity.objects.get(name="Tày"),
            religion=Religion.objects.get(name="Công giáo"),
        ),
    ).person
    nhan_data = person("Nguyễn Thị Nhàn", Gender.FEMALE, date(1990, 2, 2))
    left = admit(world.alice, world.g3, nhan_data).person
    referral_create(
        actor=world.alice,
        person=left,
        resolution_number="07/NQ-CĐCS",
        resolution_on=date(2022, 5, 5),
        party_cell="Chi bộ Công ty Cổ phần Thanh Trì",
        co_introducer="Trần Văn Hùng",
    )
    member_exit(actor=world.alice, person=left, on=date(2023, 1, 1), kind=ExitKind.RETIREMENT)
    return nhan, left, nhan_data.citizen_id


def _out(capsys, *args) -> str:
    call_command("members", "find", *args)
    return capsys.readouterr().out


def test_find_without_tones_prints_one_line_per_person(registry, capsys):
    out = _out(capsys, "nguyen duc nhan")
    assert out.startswith(registry[0].code)
    assert "Nguyễn Đức Nhân | 12/05/1985 | Công đoàn Công ty TNHH Điện tử ASTI Hà Nội" in out
    assert out.rstrip().endswith("| đang sinh hoạt")


def test_a_person_who_left_is_found_with_status_left_and_no_union(registry, capsys):
    out = _out(capsys, "Nguyễn Thị Nhàn")
    assert out.strip() == f"{registry[1].code}  Nguyễn Thị Nhàn | 02/02/1990 | — | đã rời"


def test_a_citizen_id_finds_its_one_person(registry, capsys):
    assert "Nguyễn Thị Nhàn" in _out(capsys, registry[2])


def test_json_has_stable_keys_in_name_order(registry, capsys):
    rows = json.loads(_out(capsys, "nguyen", "--json"))
    assert [row["name"] for row in rows] == ["Nguyễn Thị Nhàn", "Nguyễn Đức Nhân"]
    assert rows[1] == {
        "code": registry[0].code,
        "name": "Nguyễn Đức Nhân",
        "birth_date": "1985-05-12",
        "gender": "Nam",
        "unit_code": "G1",
        "unit_name": "Công đoàn Công ty TNHH Điện tử ASTI Hà Nội",
        "status": "đang sinh hoạt",
    }
    assert (rows[0]["unit_code"], rows[0]["status"]) == (None, "đã rời")


@pytest.mark.parametrize("as_json", [False, True])
def test_sensitive_fields_never_appear(registry, capsys, as_json):
    out = _out(capsys, "nguyen", *(["--json"] if as_json else []))
    for secret in ("Tày", "Công giáo", "2010", "Đảng", "đảng", "07/NQ", "Chi bộ", "Trần Văn Hùng"):
        assert secret not in out
    assert "CCCD" not in out and registry[2] not in out


def test_unit_restricts_the_search_to_its_subtree_today(registry, capsys):
    rows = json.loads(_out(capsys, "nguyen", "--unit", "dd", "--json"))
    assert [row["name"] for row in rows] == ["Nguyễn Đức Nhân"]
    assert json.loads(_out(capsys, "nguyen", "--unit", "TT", "--json")) == []


def test_limit_keeps_the_first_in_name_order(registry, capsys):
    rows = json.loads(_out(capsys, "nguyen", "--json", "--limit", "1"))
    assert [row["name"] for row in rows] == ["Nguyễn Thị Nhàn"]


def test_nothing_found_says_so(registry, capsys):
    assert _out(capsys, "khong co ai").strip() == "Không tìm thấy đoàn viên nào."


def test_an_unknown_unit_or_a_bad_limit_is_refused_in_vietnamese(registry):
    with pytest.raises(CommandError, match="Không có đơn vị mang mã"):
        call_command("members", "find", "nguyen", "--unit", "KHONG-CO")
    with pytest.raises(CommandError, match="số nguyên dương"):
        call_command("members", "find", "nguyen", "--limit", "0")
