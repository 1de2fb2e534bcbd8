"""Properties of the registry's rules over generated names, citizen IDs and dates."""

import unicodedata
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from congdoan.members.citizen_id import PROVINCE_CODES, check_citizen_id, expected_prefix
from congdoan.members.models import Gender
from congdoan.members.validation import PersonData, clean_person

genders = st.sampled_from([Gender.MALE, Gender.FEMALE])
births = st.dates(date(1900, 1, 1), date(2010, 12, 31))
provinces = st.sampled_from(sorted(PROVINCE_CODES))
serials = st.integers(0, 999_999)
SYLLABLES = [
    "nguyễn",
    "trần",
    "lê",
    "phạm",
    "đức",
    "thị",
    "văn",
    "ánh",
    "hương",
    "quỳnh",
    "ngọc",
    "dũng",
    "ư",
    "ơn",
    "thảo",
    "ỷ",
    "hoàng",
    "đặng",
]
names = st.lists(st.sampled_from(SYLLABLES), min_size=2, max_size=5).map(" ".join)
spellings = st.sampled_from([str.upper, str.lower, str.title, lambda s: s])
forms = st.sampled_from(["NFC", "NFD"])


@given(gender=genders, birth=births, province=provinces, serial=serials)
def test_a_consistent_citizen_id_passes(gender, birth, province, serial):
    number = f"{province}{expected_prefix(gender, birth)}{serial:06d}"
    assert (
        check_citizen_id(f" {number[:6]} {number[6:]} ", gender=gender, birth_date=birth) == number
    )


@given(birth=births, province=provinces, serial=serials)
def test_a_citizen_id_of_the_other_gender_fails(birth, province, serial):
    number = f"{province}{expected_prefix(Gender.MALE, birth)}{serial:06d}"
    with pytest.raises(ValidationError, match="không khớp"):
        check_citizen_id(number, gender=Gender.FEMALE, birth_date=birth)


@given(text=st.text(max_size=20), gender=genders, birth=st.one_of(st.none(), births))
def test_any_text_is_a_clean_number_or_a_vietnamese_refusal(text, gender, birth):
    try:
        cleaned = check_citizen_id(text, gender=gender, birth_date=birth)
    except ValidationError as error:
        assert error.messages and all(message for message in error.messages)
    else:
        assert len(cleaned) == 12 and cleaned.isdigit()


@settings(max_examples=200)
@given(name=names, spelling=spellings, form=forms, gender=genders)
def test_names_come_out_composed_and_in_proper_case(name, spelling, form, gender):
    typed = unicodedata.normalize(form, spelling(name))
    values = clean_person(
        PersonData(full_name=typed, gender=gender, birth_date=date(1980, 1, 1)),
        joined_on=date(2000, 1, 1),
    )
    parts = [values["family_name"], values["middle_name"], values["given_name"]]
    joined = " ".join(part for part in parts if part)
    assert unicodedata.is_normalized("NFC", joined)
    assert joined == " ".join(
        word.capitalize() for word in unicodedata.normalize("NFC", name).split()
    )


@given(
    name=st.text(max_size=30),
    gender=st.text(max_size=2),
    birth=st.one_of(st.none(), births),
    joined=st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2030, 1, 1))),
)
def test_any_person_is_cleaned_or_refused_with_a_reason_per_field(name, gender, birth, joined):
    try:
        clean_person(PersonData(full_name=name, gender=gender, birth_date=birth), joined_on=joined)
    except ValidationError as error:
        assert error.message_dict and all(error.message_dict.values())
