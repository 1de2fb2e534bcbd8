"""A messy member list goes in whole: every row accounted for, nothing written before the
commit, the commit all or nothing, and a second import of the same file changes nothing."""

from datetime import date

import pytest

from congdoan.imports.models import ImportRow, ImportStatus, Outcome
from congdoan.imports.services import import_upload, run_import
from congdoan.members.models import Gender, Membership, Person
from tests.imports.workbooks import ANH, member_workbook

JOINED = date(2020, 3, 2)


def upload(world, data=None):
    return import_upload(
        actor=world.dana, unit=world.g1, filename="asti.xlsx", data=data or member_workbook(),
        joined_on=JOINED,
    )  # fmt: skip


def test_the_header_is_found_under_the_title_and_the_nam_nu_columns_are_read(world):
    job = upload(world)
    assert job.header_row == 4  # the "Nam / Nữ" row under the merged "Ngày sinh"
    assert {"full_name", "male_birth", "female_birth", "citizen_id", "party"} <= set(job.mapping)


def test_the_preview_accounts_for_every_row_and_writes_nothing(world):
    job = run_import(upload(world), write=False)
    assert job.status == ImportStatus.PREVIEWED
    assert job.counts == {
        "read": 9, "new": 4, "update": 0, "unchanged": 0, "duplicate": 1, "rejected": 1,
        "skipped": 3,
    }  # fmt: skip
    assert Person.objects.count() == 0
    rejected = ImportRow.objects.get(job=job, outcome=Outcome.REJECTED)
    assert "31/02/1990" in rejected.reason and rejected.original[1] == "Hoàng Văn Bình"
    duplicate = ImportRow.objects.get(job=job, outcome=Outcome.DUPLICATE)
    assert "dòng 7" in duplicate.reason


def test_the_commit_writes_the_members_in_proper_case_and_unicode(world):
    run_import(upload(world), write=True)
    people = {p.full_name: p for p in Person.objects.all()}
    assert set(people) == {"Nguyễn Văn Anh", "Trần Thị Hằng", "Lê Thị Thu Hằng", "Phạm Văn Hùng"}
    assert people["Nguyễn Văn Anh"].citizen_id == ANH
    assert people["Nguyễn Văn Anh"].party_joined_on == date(2010, 2, 3)
    assert people["Lê Thị Thu Hằng"].gender == Gender.FEMALE
    assert people["Lê Thị Thu Hằng"].birth_date == date(1992, 1, 1)
    assert people["Phạm Văn Hùng"].party_joined_on == date(2015, 3, 1)
    assert Membership.objects.filter(unit=world.g1, started_on=JOINED).count() == 4


def test_importing_the_same_file_again_changes_nothing(world):
    run_import(upload(world), write=True)
    before = list(Person.objects.order_by("pk").values())
    job = run_import(upload(world), write=True)
    assert (job.counts["new"], job.counts["unchanged"], job.counts["update"]) == (0, 4, 0)
    assert list(Person.objects.order_by("pk").values()) == before


def test_a_failure_in_the_middle_leaves_the_registry_as_it_was(world, monkeypatch):
    from congdoan.imports import members_import

    def broken(self, records):
        raise RuntimeError("mất kết nối")

    monkeypatch.setattr(members_import.MemberImport, "_record", broken)
    job = run_import(upload(world), write=True)
    assert job.status == ImportStatus.FAILED and "mất kết nối" in job.message
    assert (Person.objects.count(), Membership.objects.count()) == (0, 0)


@pytest.mark.parametrize("changed", ["0912345678"])
def test_a_changed_cell_updates_the_person(world, changed):
    run_import(upload(world), write=True)
    rows = [[1, "Nguyễn Văn Anh", date(1985, 5, 12), None, ANH, "03/02/2010", None]]
    data = member_workbook(rows)
    job = upload(world, data)
    job.mapping = {**job.mapping, "phone": 6}
    job.save()
    rows[0][6] = changed
    job.data = member_workbook(rows)
    job.save()
    job = run_import(job, write=True)
    assert job.counts["update"] == 1
    assert Person.objects.get(citizen_id=ANH).phone == changed


def test_rows_without_cccd_read_only_their_own_namesakes(world, monkeypatch):
    """A row without CCCD is its name and birth date: the lookup reads the people with both,
    not every namesake born on any date of the file (that made a big union's import slow)."""
    from congdoan.imports import members_import

    lines = ["Họ và tên,Ngày sinh,Giới tính"]
    lines += [f"Nguyễn Văn An,{day}/01/1980,Nam" for day in (1, 2)]
    lines += ["Trần Thị Bình,01/01/1980,Nữ", "Trần Thị Bình,04/01/1980,Nữ"]
    run_import(upload(world, "\n".join(lines).encode()), write=True)
    read = []

    def namesakes(rows):
        found = list(real(rows))
        read.extend((person.full_name, person.birth_date.day) for person in found)
        return iter(found)

    real = members_import._namesakes
    monkeypatch.setattr(members_import, "_namesakes", namesakes)
    again = ["Họ và tên,Ngày sinh,Giới tính", "Nguyễn Văn An,01/01/1980,Nam"]
    again += ["Trần Thị Bình,04/01/1980,Nữ", "Nguyễn Văn An,04/01/1980,Nam"]
    job = run_import(upload(world, "\n".join(again).encode()), write=True)
    assert sorted(read) == [("Nguyễn Văn An", 1), ("Trần Thị Bình", 4)]
    assert (job.counts["unchanged"], job.counts["new"]) == (2, 1)
