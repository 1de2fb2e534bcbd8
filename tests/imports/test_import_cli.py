"""`congdoan import` and `congdoan export` for administrators."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from congdoan.members.models import Person
from tests.imports.workbooks import member_workbook


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_a_dry_run_prints_the_summary_and_writes_nothing(world, tmp_path):
    path = tmp_path / "ds.xlsx"
    path.write_bytes(member_workbook())
    errors = tmp_path / "loi.xlsx"
    printed = run(
        "import", "members", str(path), "--into", "G1", "--dry-run", "--errors", str(errors)
    )
    assert "Thêm mới: 4" in printed and "Bị từ chối: 1" in printed and "Chạy thử" in printed
    assert Person.objects.count() == 0 and errors.stat().st_size > 0


def test_json_then_export_then_import_again_changes_nothing(world, tmp_path):
    path = tmp_path / "ds.xlsx"
    path.write_bytes(member_workbook())
    summary = json.loads(run("import", "members", str(path), "--into", "g1", "--json"))
    assert summary["new"] == 4 and summary["written"] is True
    out = tmp_path / "xuat.xlsx"
    printed = run("export", "members", "--unit", "G1", "--out", str(out), "--purpose", "Lưu trữ")
    assert "Đã xuất 4 đoàn viên" in printed
    again = json.loads(run("import", "members", str(out), "--into", "G1", "--json"))
    assert (again["unchanged"], again["new"], again["update"]) == (4, 0, 0)


def test_an_unknown_unit_or_a_bad_file_is_refused(world, tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"")
    with pytest.raises(CommandError, match="Tệp rỗng"):
        run("import", "members", str(path), "--into", "G1")
    with pytest.raises(CommandError, match="Không có đơn vị"):
        run("import", "members", str(path), "--into", "KHONG-CO")
