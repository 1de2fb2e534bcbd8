"""An import tells the officer only what the officer needs: a CCCD already registered outside
their scope is refused as belonging to a member elsewhere — never with the holder's name, union
or whether they are still a member; inside the scope the reasons stay precise."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from congdoan.imports.models import ImportKind, ImportRow, Outcome
from congdoan.imports.services import import_upload, run_import
from congdoan.members.models import Person
from congdoan.members.services import member_exit
from congdoan.org.models import Unit
from tests.imports.workbooks import ANH, member_workbook
from tests.members.registry import admit, person

ELSEWHERE = (
    f"Số CCCD {ANH} đã là đoàn viên ở đơn vị khác — đề nghị chuyển sinh hoạt qua công đoàn cấp "
    "trên."
)
HOLDER = "Nguyễn Văn Anh"


def _holder(world, unit, *, left=False):
    data = person(HOLDER, birth=date(1985, 5, 12), citizen_id=ANH)
    held = admit(world.alice, unit, data, joined_on=date(2010, 1, 4)).person
    if left:
        member_exit(actor=world.alice, person=held, on=date(2015, 1, 5), kind="retirement")
    return held


def _preview(actor, unit, name):
    rows = [[1, name, date(1985, 5, 12), None, ANH, None, None]]
    job = import_upload(
        actor=actor, unit=unit, filename="ds.xlsx", data=member_workbook(rows),
        joined_on=date(2020, 3, 2),
    )  # fmt: skip
    return run_import(job, write=False)


@pytest.mark.parametrize("left", [False, True], ids=["member", "left"])
@pytest.mark.parametrize("name", [HOLDER, "Trần Văn Khác"], ids=["same-name", "other-name"])
@pytest.mark.parametrize("officer", ["dana", "bob"])
def test_a_cccd_registered_outside_the_scope_is_refused_without_a_name(world, officer, name, left):
    _holder(world, world.g4, left=left)
    job = _preview(world.users[officer], world.g1, name)
    row = ImportRow.objects.filter(job=job).exclude(outcome=Outcome.SKIPPED).get()
    assert (row.outcome, row.reason) == (Outcome.REJECTED, ELSEWHERE)
    assert row.person_id is None
    assert job.counts["rejected"] == 1 and job.counts["new"] == 0


def test_the_preview_page_names_no_one_outside(world, client):
    _holder(world, world.g4)
    job = _preview(world.dana, world.g1, "Trần Văn Khác")
    client.force_login(world.dana)
    html = client.get(reverse("imports:job", args=[job.pk]) + "?outcome=rejected")
    errors = load_workbook(BytesIO(client.get(reverse("imports:errors", args=[job.pk])).content))
    cells = " ".join(str(c) for row in errors.active.iter_rows(values_only=True) for c in row)
    for text in (html.content.decode(), cells):
        assert "đã là đoàn viên ở đơn vị khác" in text
        assert HOLDER not in text and "Cảng Đà Nẵng" not in text


def test_inside_the_scope_the_reason_says_where_to_look(world):
    _holder(world, world.g2)  # Đống Đa's other union: in charlie's scope
    job = _preview(world.charlie, world.g1, HOLDER)
    row = ImportRow.objects.get(job=job, outcome=Outcome.REJECTED)
    assert "đang sinh hoạt ở công đoàn cơ sở khác" in row.reason
    assert Person.objects.count() == 1


def _unit_list(parent: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Mã đơn vị", "Tên đơn vị", "Mã cấp trên", "Ngày thành lập"])
    sheet.append([1, "G-MOI", "Công đoàn Công ty Mới", parent, "15/04/2015"])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("parent", ["DN", "G4", "TT"])
def test_a_unit_list_names_a_parent_outside_the_import_as_one_that_does_not_exist(world, parent):
    job = import_upload(
        actor=world.charlie, unit=world.dd, filename="cdcs.xlsx", data=_unit_list(parent),
        joined_on=date(2020, 1, 1), kind=ImportKind.UNITS, decision_number="08/QĐ-LĐLĐ",
    )  # fmt: skip
    job = run_import(job, write=True)
    row = ImportRow.objects.filter(job=job).exclude(outcome=Outcome.SKIPPED).get()
    assert row.outcome == Outcome.REJECTED
    assert row.reason == f"Không tìm thấy đơn vị mã {parent}."  # TT: in bob's scope, not charlie's
    assert not Unit.objects.filter(code="G-MOI").exists()
