"""Admission, transfer, exit and re-admission: one person, one record, a history of memberships,
and every bad input refused in Vietnamese with nothing half-saved."""

import unicodedata
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from congdoan.members.models import EntryKind, ExitKind, Gender, Membership, Person
from congdoan.members.services import (
    RowErrors,
    member_exit,
    member_readmit,
    member_transfer,
    members_admit,
)
from tests.members.registry import ADMISSION, admit, citizen_id, person


def registry_snapshot():
    return (
        list(Person.objects.order_by("pk").values_list()),
        list(Membership.objects.order_by("pk").values_list()),
    )


def test_admission_normalises_the_name_and_keeps_one_record(world):
    membership = admit(world.dana, world.g1, person(full_name="NGUYỄN  ĐỨC nhân"))
    found = membership.person
    assert (found.family_name, found.middle_name, found.given_name) == ("Nguyễn", "Đức", "Nhân")
    assert found.union_joined_on == date(2020, 3, 2)
    assert membership.entry_kind == EntryKind.ADMISSION
    assert membership.decision.number == "15/QĐ-CĐCS"


def test_decomposed_unicode_names_are_stored_composed(world):
    decomposed = unicodedata.normalize("NFD", "Trần Thị Ánh")
    found = admit(world.dana, world.g1, person(decomposed, Gender.FEMALE, date(1990, 1, 1))).person
    assert found.full_name == unicodedata.normalize("NFC", "Trần Thị Ánh")


def test_transfer_keeps_the_person_and_the_history(world):
    found = admit(world.charlie, world.g1).person
    member_transfer(actor=world.charlie, person=found, to_unit=world.g2, on=date(2022, 1, 1))
    history = list(
        found.memberships.order_by("started_on").values_list(
            "unit__code", "ended_on", "exit_kind", "entry_kind"
        )
    )
    assert history == [
        ("G1", date(2022, 1, 1), ExitKind.TRANSFER, EntryKind.ADMISSION),
        ("G2", None, "", EntryKind.TRANSFER),
    ]
    assert Person.objects.count() == 1


def test_exit_and_readmission_reuse_the_record(world):
    found = admit(world.dana, world.g1).person
    member_exit(
        actor=world.dana,
        person=found,
        on=date(2023, 1, 1),
        kind=ExitKind.JOB_ENDED,
        note="Hết hợp đồng",
    )
    member_readmit(
        actor=world.dana, person=found, unit=world.g1, on=date(2024, 5, 1), decision=ADMISSION
    )
    kinds = list(found.memberships.order_by("started_on").values_list("entry_kind", flat=True))
    assert kinds == [EntryKind.ADMISSION, EntryKind.READMISSION]


def test_collective_admission_is_all_or_nothing_and_names_each_bad_row(world):
    people = [
        person("Lê Văn An"),
        person("Phạm Thị Bình", Gender.FEMALE, date(1991, 2, 2)),
        person("Hoàng Văn Cường", birth=date(2015, 1, 1), citizen_id=""),
        None,
    ]
    people[3] = person("Vũ Văn Dũng", citizen_id=people[0].citizen_id)
    before = registry_snapshot()
    with pytest.raises(RowErrors) as error:
        members_admit(
            actor=world.dana,
            unit=world.g1,
            people=people,
            joined_on=date(2020, 3, 2),
            decision=ADMISSION,
        )
    assert sorted(error.value.rows) == [3, 4]
    assert "Dòng 3" in error.value.messages[0] and "15 tuổi" in error.value.messages[0]
    assert registry_snapshot() == before
    assert (
        len(
            members_admit(
                actor=world.dana,
                unit=world.g1,
                people=people[:2],
                joined_on=date(2020, 3, 2),
                decision=ADMISSION,
            )
        )
        == 2
    )


TODAY = timezone.localdate()
BAD_PEOPLE = {
    "CCCD that contradicts the gender": (
        dict(gender=Gender.FEMALE, citizen_id="001085123456"),
        "citizen_id",
        "không khớp",
    ),
    "CCCD that contradicts the birth year": (
        dict(birth=date(1986, 1, 1), citizen_id="001085123456"),
        "citizen_id",
        "không khớp",
    ),
    "CCCD with 11 digits": (dict(citizen_id="00108512345"), "citizen_id", "12 chữ số"),
    "CCCD with an unknown province": (dict(citizen_id="003085123456"), "citizen_id", "mã tỉnh"),
    "birth date in the future": (
        dict(birth=TODAY + timedelta(days=3), citizen_id=""),
        "birth_date",
        "tương lai",
    ),
    "younger than 15": (dict(birth=date(2010, 1, 1), citizen_id=""), "birth_date", "15 tuổi"),
    "digits in the name": (dict(full_name="Nguyễn Văn 3"), "full_name", "chữ cái"),
    "one-word name": (dict(full_name="Nhân"), "full_name", "ít nhất họ và tên"),
}


@pytest.mark.parametrize("case", BAD_PEOPLE, ids=list(BAD_PEOPLE))
def test_bad_people_are_refused_field_by_field(world, case):
    changes, field, message = BAD_PEOPLE[case]
    before = registry_snapshot()
    with pytest.raises(ValidationError) as error:
        admit(world.dana, world.g1, person(**changes))
    assert message in " ".join(error.value.message_dict[field])
    assert registry_snapshot() == before


def test_the_same_citizen_id_cannot_be_admitted_twice_even_elsewhere(world):
    number = citizen_id(Gender.MALE, date(1985, 5, 12))
    admit(world.dana, world.g1, person(citizen_id=number))
    with pytest.raises(ValidationError, match="một người chỉ có một hồ sơ"):
        admit(world.alice, world.g3, person("Trần Văn Bình", citizen_id=number))


def test_union_entry_before_birth_is_refused(world):
    with pytest.raises(ValidationError) as error:
        admit(world.dana, world.g1, person(birth=date(2008, 5, 12)), joined_on=date(2006, 1, 1))
    assert "trước ngày sinh" in " ".join(error.value.message_dict["joined_on"])


def test_bad_moves_are_refused(world):
    found = admit(world.charlie, world.g1).person
    before = registry_snapshot()
    with pytest.raises(PermissionDenied):  # Thanh Trì is outside Đống Đa's scope
        member_transfer(actor=world.charlie, person=found, to_unit=world.g3, on=date(2022, 1, 1))
    with pytest.raises(ValidationError, match="chỉ sinh hoạt ở công đoàn cơ sở"):
        member_transfer(actor=world.bob, person=found, to_unit=world.dd, on=date(2022, 1, 1))
    with pytest.raises(ValidationError, match="phải sau ngày bắt đầu"):
        member_exit(actor=world.dana, person=found, on=date(2019, 1, 1), kind=ExitKind.VOLUNTARY)
    with pytest.raises(PermissionDenied):
        admit(world.frank, world.g1, person("Lê Thị Hoa", Gender.FEMALE, date(1990, 1, 1)))
    with pytest.raises(ValidationError, match="đang sinh hoạt"):
        member_readmit(
            actor=world.dana, person=found, unit=world.g1, on=date(2024, 1, 1), decision=ADMISSION
        )
    assert registry_snapshot() == before


def test_a_transfer_on_the_first_day_moves_the_membership_itself(world):
    found = admit(world.charlie, world.g1).person
    first_day = found.memberships.get().started_on
    member_transfer(actor=world.charlie, person=found, to_unit=world.g2, on=first_day)
    history = list(found.memberships.values_list("unit__code", "started_on", "ended_on"))
    assert history == [("G2", first_day, None)]


def test_a_transfer_on_the_day_of_arrival_corrects_the_arrival(world):
    found = admit(world.charlie, world.g1).person
    member_transfer(actor=world.charlie, person=found, to_unit=world.g2, on=date(2022, 1, 1))
    member_transfer(actor=world.bob, person=found, to_unit=world.g3, on=date(2022, 1, 1))
    history = list(found.memberships.order_by("started_on").values_list("unit__code", "ended_on"))
    assert history == [("G1", date(2022, 1, 1)), ("G3", None)]
