"""Helpers for portal tests: a member of G1 with an activated account, invitations."""

from datetime import date

from congdoan.members.models import Gender
from congdoan.portal.activation import account_create_activated
from tests.members.registry import admit, citizen_id
from tests.members.registry import person as registry_person

PASSWORD = "mot-mat-khau-rat-dai-2025"


def member(actor, unit, full_name="Lê Thị Mai", birth=date(1992, 4, 9)):
    data = registry_person(
        full_name,
        gender=Gender.FEMALE,
        birth=birth,
        citizen_id=citizen_id(Gender.FEMALE, birth),
        phone="0912345678",
    )
    return admit(actor, unit, data, joined_on=date(2015, 6, 1)).person


def member_user(actor, unit, **kwargs):
    person = member(actor, unit, **kwargs)
    return account_create_activated(actor=actor, person=person, password=PASSWORD), person
