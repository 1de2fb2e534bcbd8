"""Hostile files (tests/imports/hostile.py) through every door: the upload page, the worker's
preview and commit, and `congdoan import members`. None may answer 500, stop the process or
write anything; each is refused with its own Vietnamese reason."""

import io
import re
import resource
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from congdoan.imports import limits, reading
from congdoan.imports.locate import locate
from congdoan.imports.models import ImportJob, ImportKind, ImportStatus
from congdoan.imports.reading import ImportRefused, sheets
from congdoan.imports.sandbox import ChildReader, Refusal
from congdoan.imports.services import run_import
from congdoan.members.models import Person
from tests.imports import hostile
from tests.imports.hostile import CORPUS, Hostile

NAMES = [entry.name for entry in CORPUS]


def upload(client, world, data: bytes, name: str):
    return client.post(
        reverse("imports:upload", args=[world.g1.pk]),
        {"file": SimpleUploadedFile(name, data), "joined_on": "02/03/2020", "kind": "members"},
    )


@pytest.fixture
def dana(client, world):
    client.force_login(world.dana)
    return client


@pytest.mark.parametrize("entry", CORPUS, ids=NAMES)
def test_the_upload_page_refuses_each_hostile_file_with_its_reason(dana, world, entry: Hostile):
    response = upload(dana, world, entry.build(), entry.name)
    assert response.status_code == 200
    assert entry.message in response.content.decode()
    assert ImportJob.objects.count() == 0 and Person.objects.count() == 0


@pytest.mark.parametrize("entry", CORPUS, ids=NAMES)
def test_the_command_refuses_each_hostile_file_and_writes_nothing(world, tmp_path, entry):
    path = tmp_path / entry.name
    path.write_bytes(entry.build())
    with pytest.raises(CommandError, match=re.escape(entry.message)):
        call_command("import", "members", str(path), "--into", "G1")
    assert ImportJob.objects.count() == 0 and Person.objects.count() == 0


@pytest.mark.parametrize("entry", CORPUS, ids=NAMES)
def test_the_worker_reads_through_the_same_guard(world, entry):
    """A job whose kept file is hostile (the worker reads it again) fails with the reason."""
    for write, status in ((False, ImportStatus.UPLOADED), (True, ImportStatus.PREVIEWED)):
        job = ImportJob.objects.create(
            unit=world.g1, created_by=world.dana, kind=ImportKind.MEMBERS,
            filename=entry.name, data=entry.build(),
            sheet_name="Danh sách", header_row=0, labels=["Họ và tên"],
            mapping={"full_name": 0}, status=status,
        )  # fmt: skip
        job = run_import(job, write=write)
        assert job.status == ImportStatus.FAILED and entry.message in job.message
    assert Person.objects.count() == 0


def test_each_kind_of_defect_has_its_own_reason(db):
    reasons = {}
    for entry in CORPUS:
        with pytest.raises(ImportRefused) as refused:
            list(locate(entry.build(), ImportKind.MEMBERS).data_rows)
        assert entry.message in refused.value.message
        reasons.setdefault(entry.message, set()).add(refused.value.message.split("(")[0])
    assert len({next(iter(texts)) for texts in reasons.values()}) == len(reasons)


def test_a_long_cell_deep_in_the_list_fails_the_preview_and_writes_nothing(dana, world):
    members = "".join(
        hostile.row(n, [f"Nguyễn Văn {hostile.column_letters(n)}", "01/02/1990", "Nam"])
        for n in range(2, 3_002)
    )  # more rows than the reading process sends at once: the upload sees only the first
    body = hostile.row(1, hostile.HEADER) + members + hostile.row(3_002, ["A" * 200_000])
    response = upload(dana, world, hostile.xlsx(hostile.sheet_xml(body, "A1:C3002")), "ds.xlsx")
    job = ImportJob.objects.get()
    page = dana.get(response["Location"]).content.decode()
    assert job.status == ImportStatus.FAILED and "Ô ở dòng 3.002, cột A" in job.message
    assert "Ô ở dòng 3.002, cột A" in page and Person.objects.count() == 0


def test_the_zip_bomb_is_refused_before_anything_unpacks():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    reader = ChildReader(hostile.zip_bomb())
    with pytest.raises(Refusal) as refused:
        reader.frame()
    assert refused.value.code == "zip_ratio" and refused.value.params["ratio"] > 100
    assert reader.peak_kb < 100 * 1024  # the reading process: KB
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50 * 1024


def test_what_gets_past_the_checks_meets_the_memory_cap_in_the_child():
    """The far cell behind a lying dimension: the child dies at its cap, this process lives."""
    reader = ChildReader(hostile.hidden_huge_dimension())
    with pytest.raises(Refusal) as refused:
        reader.frame()
    assert refused.value.code == "memory"
    assert 0 < reader.peak_kb <= limits.MEMORY_MB * 1024


def test_an_xls_that_declares_too_many_cells_is_refused_before_reading():
    dimensions = b"\x00\x02\x0e\x00" + (0).to_bytes(4, "little") + (65_536).to_bytes(4, "little")
    dimensions += (0).to_bytes(2, "little") + (256).to_bytes(2, "little") + b"\x00\x00"
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + dimensions + b"\x00" * 512
    with pytest.raises(ImportRefused, match="256 cột × 65.536 dòng"):
        next(sheets(data))


def test_ordinary_files_read_whatever_their_name(dana, world):
    """The content decides, not the extension: a workbook named .csv is read as a workbook."""
    for name in ("ds.xlsx", "ds.csv", "ds"):
        response = upload(dana, world, hostile.ordinary_xlsx(), name)
        assert response.status_code == 302
    for data, name in ((hostile.ordinary_ods(), "ds.ods"), (hostile.ordinary_xls(), "ds.xls")):
        assert upload(dana, world, data, name).status_code == 302
    assert [job.counts["new"] for job in ImportJob.objects.all()] == [1, 1, 1, 1, 1]
    rows = [
        row for sheet in sheets("Họ và tên\nNguyễn Văn An\n".encode("utf-16")) for row in sheet.rows
    ]
    assert rows == [["Họ và tên"], ["Nguyễn Văn An"]]


def test_a_file_over_the_limit_is_refused_before_it_is_read(dana, world, tmp_path, monkeypatch):
    def never(*args):
        raise AssertionError("read")

    big = b"x" * (limits.MAX_BYTES + 1)
    response = upload(dana, world, big, "lon.csv")
    assert response.status_code == 200 and "quá giới hạn 20 MB" in response.content.decode()
    path = tmp_path / "lon.csv"
    path.write_bytes(big)
    monkeypatch.setattr(type(path), "read_bytes", never)
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", limits.MAX_BYTES)
    with pytest.raises(CommandError, match="quá giới hạn 20 MB"):
        call_command("import", "members", str(path), "--into", "G1")
    assert ImportJob.objects.count() == 0


def test_the_command_streams_a_list_past_the_upload_limit(dana, world, tmp_path, monkeypatch):
    """The web takes MAX_BYTES (here lowered to 200 KB, as 20 MB would make a slow test); the
    command line reads from disk in the reading process, a line at a time, and this process
    never holds the file."""
    monkeypatch.setattr(reading, "MAX_BYTES", 200 * 1024)
    note = "ghi chú " * 40  # an unmapped column, wide enough to pass the limit
    lines = ["Họ và tên,Ngày sinh,Giới tính,Ghi chú"]
    born = [date(1970, 1, 1) + timedelta(days=n) for n in range(1_000)]
    lines += [f"Nguyễn Văn An,{day:%d/%m/%Y},Nam,{note}" for day in born]
    data = "\n".join(lines).encode()
    assert len(data) > reading.MAX_BYTES
    response = upload(dana, world, data, "lon.csv")
    assert "quá giới hạn 0 MB" in response.content.decode()
    path = tmp_path / "lon.csv"
    path.write_bytes(data)
    monkeypatch.setattr(type(path), "read_bytes", lambda *args: pytest.fail("read here"))
    call_command("import", "members", str(path), "--into", "G1", stdout=io.StringIO())
    job = ImportJob.objects.get()
    assert (job.counts["new"], bytes(job.data), job.stored_file) == (1_000, b"", "")  # written
    assert Person.objects.count() == 1_000


def test_no_reading_process_to_be_had_is_a_refusal_too(dana, world, monkeypatch):
    def no_process(*args, **kwargs):
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr("congdoan.imports.sandbox.subprocess.Popen", no_process)
    response = upload(dana, world, hostile.ordinary_xlsx(), "ds.xlsx")
    assert response.status_code == 200 and "Máy chủ đang bận" in response.content.decode()
    assert ImportJob.objects.count() == 0


def test_a_reading_process_too_slow_to_answer_is_stopped(monkeypatch):
    """The request does not wait past WAIT_SECONDS for the next rows (here: a twentieth of a
    second for a million rows of XML)."""
    monkeypatch.setattr(limits, "WAIT_SECONDS", 0.05)
    reader = ChildReader(hostile.million_empty_rows())
    with pytest.raises(Refusal) as refused:
        while reader.frame()[0] != "end":
            pass
    assert refused.value.code == "timeout" and reader.timed_out
