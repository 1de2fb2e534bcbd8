"""Factories that build records through the same services users call."""

from datetime import date

import factory

from congdoan.accounts.models import Role, User
from congdoan.demo.users import demo_admin
from congdoan.members.models import Gender, Person
from congdoan.org.models import Unit, UnitType
from congdoan.org.services import DecisionInput, unit_establish

DECISION = DecisionInput(number="1/QĐ-LĐLĐ", signed_on=date(2000, 1, 1), signer="Chủ tịch")


def decision(number: str = "1940/QĐ-LĐLĐ", signed_on: date = date(2025, 6, 27)) -> DecisionInput:
    return DecisionInput(number=number, signed_on=signed_on, signer="Chủ tịch LĐLĐ")


def make_unit(
    code: str,
    name: str,
    type_code: str,
    parent: Unit | None = None,
    on: date = date(2000, 1, 1),
    **extra,
) -> Unit:
    unit_establish(
        actor=demo_admin(),
        code=code,
        name=name,
        unit_type=UnitType.objects.get(code=type_code),
        parent=parent,
        effective=on,
        decision=DECISION,
        **extra,
    )
    return Unit.objects.get(code=code)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("mat-khau-thu")


def user_with_role(username: str, kind: str, unit: Unit | None) -> User:
    user = UserFactory(username=username)
    Role.objects.create(user=user, kind=kind, unit=unit)
    return user


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    family_name = "Nguyễn"
    middle_name = "Văn"
    given_name = factory.Iterator(["An", "Bình", "Cường", "Dũng"])
    gender = Gender.MALE
    birth_date = date(1985, 1, 1)
