"""Vietnamese text: NFC, tone-free search, abbreviations, the dictionary order, formats."""

import unicodedata
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from congdoan.core.text import (
    document_date_line,
    fold,
    format_date,
    format_number,
    name_sort_key,
    normalize_text,
    proper_case_name,
    search_text,
    search_tokens,
    split_full_name,
    vi_sort_key,
)

VIETNAMESE = (
    "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
)
words = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " ", min_size=1, max_size=30)


def test_fold_strips_tones_marks_and_case():
    assert fold("Đống Đa") == fold("DONG DA") == fold("đống  đa") == "dong da"
    assert fold("LĐLĐ quận Đống Đa") == "ldld quan dong da"
    assert fold("Văn Miếu - Quốc Tử Giám") == "van mieu quoc tu giam"


def test_search_text_holds_abbreviations_and_their_expansions():
    stored = search_text("Công đoàn cơ sở Công ty TNHH Điện tử ASTI Hà Nội")
    for query in ["cd co so asti", "cdcs asti", "cong doan asti", "trach nhiem huu han"]:
        assert all(f" {token}" in stored for token in search_tokens(query)), query
    assert " lien doan lao dong " in search_text("LĐLĐ quận Đống Đa")


def test_names_are_put_in_proper_case_and_split():
    assert proper_case_name("NGUYỄN ĐỨC NHÂN") == "Nguyễn Đức Nhân"
    assert split_full_name("lê thị thu hà") == ("Lê", "Thị Thu", "Hà")
    assert split_full_name("Nhân") == ("", "", "Nhân")
    with pytest.raises(ValueError):
        split_full_name("   ")


def test_the_vietnamese_alphabet_then_tones_order():
    expected = [
        "a",
        "à",
        "ả",
        "ã",
        "á",
        "ạ",
        "ă",
        "â",
        "b",
        "d",
        "đ",
        "e",
        "ê",
        "o",
        "ô",
        "ơ",
        "u",
        "ư",
        "y",
    ]
    assert sorted(reversed(expected), key=vi_sort_key) == expected
    names = ["An", "Anh", "Ánh", "Bình", "Dũng", "Đức", "Hà", "Hạnh", "Ơn", "Ưng"]
    assert sorted(reversed(names), key=vi_sort_key) == names


def test_people_are_listed_by_given_name_then_middle_then_family():
    people = [
        ("Trần", "Thị", "Ánh"),
        ("Nguyễn", "Văn", "An"),
        ("Lê", "Văn", "Bình"),
        ("Lê", "Thị", "An"),
        ("Bùi", "Văn", "An"),
    ]
    ordered = sorted(people, key=lambda p: name_sort_key(*p))
    assert ordered == [
        ("Lê", "Thị", "An"),
        ("Bùi", "Văn", "An"),
        ("Nguyễn", "Văn", "An"),
        ("Trần", "Thị", "Ánh"),
        ("Lê", "Văn", "Bình"),
    ]


def test_numbers_and_dates_read_the_vietnamese_way():
    assert format_number(1234.5, 1) == "1.234,5"
    assert format_number(1234567) == "1.234.567"
    assert format_number(Decimal("-1234")) == "-1.234"
    assert format_date(date(2020, 3, 5)) == "05/03/2020"
    assert document_date_line("Hà Nội", date(2020, 3, 5)) == "Hà Nội, ngày 05 tháng 3 năm 2020"
    assert document_date_line("Hà Nội", date(2020, 2, 5)) == "Hà Nội, ngày 05 tháng 02 năm 2020"


@given(words)
def test_fold_is_idempotent_ascii_and_blind_to_unicode_forms(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert folded.isascii()
    assert fold(unicodedata.normalize("NFD", text)) == folded


@given(st.text(max_size=40))
def test_normalize_text_is_idempotent_and_composed(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)


@given(words)
def test_sort_keys_ignore_case_and_unicode_form(text):
    assert vi_sort_key(text.upper()) == vi_sort_key(text.lower())
    assert vi_sort_key(unicodedata.normalize("NFD", text)) == vi_sort_key(text)


@given(words, words)
def test_sort_keys_are_equal_only_for_the_same_text(a, b):
    same = normalize_text(a).lower() == normalize_text(b).lower()
    assert (vi_sort_key(a) == vi_sort_key(b)) == same


@given(st.lists(st.text(alphabet=VIETNAMESE, min_size=1, max_size=8), min_size=1, max_size=4))
def test_split_names_join_back(parts):
    name = " ".join(parts)
    family, middle, given_name = split_full_name(name)
    assert " ".join(p for p in (family, middle, given_name) if p) == proper_case_name(name)
