"""A list from another system: English headers are read as their fields, and a header nothing
recognises is not refused — the user maps its columns (on the page, or --map on the command
line), and only then is the list checked."""

import io
from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from congdoan.imports.models import ImportJob
from congdoan.members.models import Person

EXPORT = [
    ["contact_id", "last_name", "first_name", "birth_date", "gender", "join_dt"],
    [101, "Nguyễn Văn", "An", "1985-05-12", "Male", "2012-03-15"],
    [102, "Trần Thị", "Bình", "1990-01-02", "Female", "2015-07-01"],
]
UNKNOWN = [["col_a", "col_b", "col_c"], ["Lê Văn Cường", "12/05/1985", "Nam"]]


def _workbook(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _upload(client, world, rows):
    return client.post(
        reverse("imports:upload", args=[world.g1.pk]),
        {
            "file": SimpleUploadedFile("export.xlsx", _workbook(rows)),
            "joined_on": "02/03/2020",
            "kind": "members",
        },
        follow=True,
    )


def test_an_english_export_is_read_by_its_headers(world, client):
    client.force_login(world.dana)
    _upload(client, world, EXPORT)
    job = ImportJob.objects.get()
    assert {"family_middle", "given_name", "birth_date", "gender", "joined_on"} <= set(job.mapping)
    assert job.counts["new"] == 2
    client.post(reverse("imports:commit", args=[job.pk]))
    an = Person.objects.get(given_name="An")
    assert (an.full_name, an.union_joined_on) == ("Nguyễn Văn An", date(2012, 3, 15))


def test_an_unknown_header_asks_for_the_mapping_then_checks(world, client):
    client.force_login(world.dana)
    page = _upload(client, world, UNKNOWN).content.decode()
    job = ImportJob.objects.get()
    assert "Không nhận ra dòng tiêu đề" in page and "col_b" in page
    assert job.counts == {} and not job.rows.exists()  # nothing checked before the mapping
    client.post(
        reverse("imports:mapping", args=[job.pk]),
        {"column_0": "full_name", "column_1": "birth_date", "column_2": "gender"},
    )
    job.refresh_from_db()
    assert job.counts["new"] == 1


def test_the_command_line_takes_a_map(world, tmp_path: Path):
    path = tmp_path / "export.xlsx"
    path.write_bytes(_workbook(UNKNOWN))
    args = ["import", "members", str(path), "--into", "G1", "--as", "dana", "--dry-run"]
    with pytest.raises(CommandError, match="Không nhận ra dòng tiêu đề.*A: col_a"):
        call_command(*args)
    out = io.StringIO()
    call_command(*args, "--map", "full_name=col_a,birth_date=B,gender=3", stdout=out)
    assert "Thêm mới: 1" in out.getvalue()
    with pytest.raises(CommandError, match="không có cột “Z”"):
        call_command(*args, "--map", "full_name=Z")
