"""A member's union seniority comes from the list they were imported on ("Ngày vào công đoàn"),
and every check that asks "was X a union member then" uses it; the refusals tell "not a union
member then" from "not yet in this union"."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from congdoan.imports.services import import_upload, run_import
from congdoan.members.models import EntryKind, ExitKind, Person
from congdoan.members.officials import official_appoint
from congdoan.members.referrals import referral_create
from congdoan.members.seniority import not_member_reason, union_member_on
from congdoan.members.services import member_exit
from congdoan.org.models import Position
from tests.factories import make_unit
from tests.imports.workbooks import member_workbook
from tests.members.registry import citizen_id

HEADER = ["STT", "Họ và tên", "Ngày sinh", None, "Số CCCD", "Đảng viên", "Ngày vào công đoàn"]
ANH = citizen_id("M", date(1990, 5, 12))


def _import_into(world, unit):
    rows = [[1, "Nguyễn Văn An", date(1990, 5, 12), None, ANH, None, "15/03/2012"]]
    data = member_workbook(rows, header=HEADER)
    job = import_upload(actor=world.alice, unit=unit, filename="ds.xlsx", data=data, joined_on=None)
    run_import(job, write=True)
    return Person.objects.get(citizen_id=ANH)


def _refer(world, person, on):
    return referral_create(
        actor=world.alice,
        person=person,
        resolution_number="05/NQ-CĐCS",
        resolution_on=on,
        party_cell="Chi bộ Công ty",
        co_introducer="Nguyễn Văn Tâm",
    )


def test_an_imported_member_keeps_the_seniority_of_the_list(world):
    person = _import_into(world, world.g1)
    assert person.union_joined_on == date(2012, 3, 15)
    a_month_ago = timezone.localdate() - timedelta(days=30)
    assert _refer(world, person, a_month_ago).person == person


def test_a_union_formed_after_the_members_joined_lists_them_from_its_own_start(world):
    young = make_unit("G9", "Công đoàn Công ty Trẻ", "grassroots", world.dd, on=date(2020, 1, 1))
    person = _import_into(world, young)
    first = person.memberships.get()
    assert (first.started_on, first.entry_kind) == (date(2020, 1, 1), EntryKind.LISTED)
    assert union_member_on(person, date(2015, 6, 1))
    assert not union_member_on(person, date(2011, 6, 1))


def test_refusals_tell_not_a_member_from_not_in_this_union(world):
    person = _import_into(world, world.g1)
    with pytest.raises(ValidationError, match=r"chưa là đoàn viên vào ngày 01/01/2011 \(vào công"):
        _refer(world, person, date(2011, 1, 1))
    with pytest.raises(ValidationError, match="chưa sinh hoạt ở đơn vị này vào ngày"):
        official_appoint(
            actor=world.alice,
            unit=world.g2,
            person=person,
            position=Position.objects.get(code="chair"),
            starts_on=date(2021, 1, 1),
        )
    member_exit(actor=world.alice, person=person, on=date(2022, 1, 1), kind=ExitKind.VOLUNTARY)
    assert "không là đoàn viên công đoàn vào ngày 01/06/2022" in not_member_reason(
        person, date(2022, 6, 1)
    )
