"""“Kết nạp tập thể” with the same person on many lines: nobody is admitted twice. Lines that
repeat an earlier line (same CCCD, or without one the same name and birth date) are refused
with the line they repeat, and so is a line naming someone already a member of the union."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from congdoan.members.models import Gender, Membership, Person
from congdoan.members.services import SHOWN_ROW_ERRORS, RowErrors, members_admit
from congdoan.members.validation import PersonData
from tests.members.registry import ADMISSION, citizen_id

JOINED = date(2021, 3, 1)


def post(world, rows: str):
    client = Client()
    client.force_login(world.dana)
    return client.post(
        reverse("members:admit_many", args=[world.g1.pk]),
        {
            "rows": rows,
            "joined_on": "2021-03-01",
            "decision_number": "4/QĐ-CĐCS",
            "decision_date": "2021-02-25",
            "decision_signer": "Chủ tịch",
        },
    )


def test_three_thousand_identical_lines_admit_nobody_and_say_why(world):
    response = post(world, "Lê Văn An; 01/02/1990; Nam\n" * 3000)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dòng 2: Trùng với dòng 1" in page and "Dòng 3000" not in page
    assert f"và {3000 - 1 - SHOWN_ROW_ERRORS} dòng khác" in page  # not 2,999 messages
    assert (Person.objects.count(), Membership.objects.count()) == (0, 0)


@pytest.mark.parametrize(
    "lines",
    [
        ["Lê Văn An; 01/02/1990; Nam", "LÊ VĂN AN; 01/02/1990; Nam"],  # name case and spaces
        ["Lê Văn An; 01/02/1990; Nam; {id}", "Lê Văn Ân; 01/02/1990; Nam; {id}"],  # same CCCD
    ],
)
def test_a_repeated_person_is_refused_with_the_line_it_repeats(world, lines):
    number = citizen_id("M", date(1990, 2, 1))
    page = post(world, "\n".join(line.format(id=number) for line in lines)).content.decode()
    assert "Dòng 2: Trùng với dòng 1" in page
    assert not Person.objects.exists()


def test_a_member_of_the_union_already_is_refused_and_others_are_not_affected(world):
    first = PersonData(full_name="Lê Văn An", birth_date=date(1990, 2, 1), gender=Gender.MALE)
    members_admit(
        actor=world.dana, unit=world.g1, people=[first], joined_on=JOINED, decision=ADMISSION
    )
    again = [first, PersonData(full_name="Lê Văn An", birth_date=date(1991, 2, 1), gender="M")]
    with pytest.raises(RowErrors) as refused:
        members_admit(
            actor=world.dana, unit=world.g1, people=again, joined_on=JOINED, decision=ADMISSION
        )
    assert list(refused.value.rows) == [1]
    assert "đã là đoàn viên của công đoàn này" in refused.value.messages[0]
    with_id = PersonData(
        full_name="Lê Văn An",
        birth_date=date(1990, 2, 1),
        gender=Gender.MALE,
        citizen_id=citizen_id("M", date(1990, 2, 1)),
    )  # a namesake told apart by a CCCD is another person
    members_admit(
        actor=world.charlie, unit=world.g2, people=[first], joined_on=JOINED, decision=ADMISSION
    )  # and in another union the name is not looked at
    members_admit(
        actor=world.dana, unit=world.g1, people=[with_id], joined_on=JOINED, decision=ADMISSION
    )
    assert Person.objects.count() == 3
