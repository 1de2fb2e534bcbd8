"""Vietnamese text helpers: cleaning, tone-free search, names, dictionary order, formats."""

import re
import unicodedata
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from congdoan.core.text import (
    ABBREVIATIONS,
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

# Written out here rather than taken from the module, so the tests check its tables.
ALPHABET = list("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")
TONE_MARKS = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]  # none, huyền … nặng
VOWELS = "aăâeêioôơuưy"
VIETNAMESE_LOWER = "bcdđghklmnpqrstvx" + "".join(
    unicodedata.normalize("NFC", vowel + mark) for vowel in VOWELS for mark in TONE_MARKS
)
VIETNAMESE_LETTERS = VIETNAMESE_LOWER + VIETNAMESE_LOWER.upper()

vietnamese_words = st.text(alphabet=VIETNAMESE_LETTERS, min_size=1, max_size=7)
vietnamese_text = st.text(alphabet=VIETNAMESE_LETTERS + " \t\n,.-0123456789", max_size=40)
any_form = st.sampled_from(["NFC", "NFD"])


def nfd(value: str) -> str:
    return unicodedata.normalize("NFD", value)


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def sign(a, b) -> int:
    return (a > b) - (a < b)


@st.composite
def vietnamese_names(draw) -> str:
    words = draw(st.lists(vietnamese_words, min_size=1, max_size=5))
    gaps = draw(st.lists(st.sampled_from([" ", "  ", "\t", "\n", " \u200b"]), min_size=len(words)))
    text = "".join(gap + word for gap, word in zip(gaps, words, strict=False))
    return unicodedata.normalize(draw(any_form), text)


# --- normalize_text -------------------------------------------------------------------------


def test_normalize_text_cleans_spaces_and_controls():
    assert normalize_text("  Nguyễn\tVăn\r\n\nA \u200b\x00") == "Nguyễn Văn A"
    assert normalize_text("Hà\x07 Nội") == "Hà Nội"
    assert normalize_text("\ufeffĐống\u00a0Đa") == "Đống Đa"
    assert normalize_text("") == ""


def test_normalize_text_composes_decomposed_tones():
    decomposed = "Nguye\u0302\u0303n \u0110u\u031b\u0301c"
    assert normalize_text(decomposed) == "Nguyễn Đức"
    assert len(normalize_text(decomposed)) == len("Nguyễn Đức")


@given(st.text())
def test_normalize_text_is_idempotent(value):
    once = normalize_text(value)
    assert normalize_text(once) == once


@given(st.text())
def test_normalize_text_leaves_single_spaces_and_no_controls(value):
    result = normalize_text(value)
    assert result == result.strip()
    assert "  " not in result
    assert all(char == " " or not char.isspace() for char in result)
    assert not any(unicodedata.category(char) in ("Cc", "Cf") for char in result)
    assert unicodedata.is_normalized("NFC", result)


# --- fold -----------------------------------------------------------------------------------


def test_fold_drops_case_tones_and_vowel_marks():
    assert fold("Đống Đa") == "dong da"
    assert fold("LĐLĐ quận Đống Đa") == "ldld quan dong da"
    assert fold("DONG DA") == fold("đống   đa") == "dong da"
    assert fold("ă â ê ô ơ ư đ Ă Â Ê Ô Ơ Ư Đ") == "a a e o o u d a a e o o u d"
    assert fold("Ỷ ỹ Ự ặ Ờ") == "y y u a o"


def test_fold_turns_punctuation_into_spaces():
    assert fold("Văn Miếu - Quốc Tử Giám") == "van mieu quoc tu giam"
    assert fold("CĐCS_Công-ty (TNHH), số 5/2020.") == "cdcs cong ty tnhh so 5 2020"


@given(st.text())
def test_fold_is_idempotent(value):
    once = fold(value)
    assert fold(once) == once


@given(st.text())
def test_fold_ignores_the_normal_form(value):
    assert fold(nfd(value)) == fold(nfc(value))


@given(vietnamese_text, any_form)
def test_fold_of_vietnamese_text_is_plain_ascii(value, form):
    folded = fold(unicodedata.normalize(form, value))
    assert re.fullmatch(r"([a-z0-9]+( [a-z0-9]+)*)?", folded)


@given(vietnamese_text)
def test_fold_ignores_case(value):
    assert fold(value.upper()) == fold(value.lower()) == fold(value)


def fold_whole(value: str) -> str:
    """fold as first written, the whole text at once: the word-at-a-time fold must agree."""
    plain = unicodedata.normalize("NFD", normalize_text(value).casefold())
    plain = "".join(char for char in plain if not unicodedata.category(char).startswith("M"))
    plain = plain.replace("đ", "d")
    return " ".join("".join(char if char.isalnum() else " " for char in plain).split())


@given(st.one_of(st.text(), vietnamese_text))
def test_fold_a_word_at_a_time_equals_folding_the_whole_text(value):
    assert fold(value) == fold_whole(value)


# --- search_text / search_tokens ------------------------------------------------------------


def finds(query: str, stored: str) -> bool:
    """The whole-word match the selectors use on the stored search column."""
    return all(f" {token} " in stored for token in search_tokens(query))


def test_abbreviations_table():
    assert ABBREVIATIONS == ABBREVIATIONS | {
        "ldld": "lien doan lao dong",
        "cdcs": "cong doan co so",
        "cd": "cong doan",
        "tld": "tong lien doan",
        "kcn": "khu cong nghiep",
        "tp": "thanh pho",
        "bch": "ban chap hanh",
        "cnvcld": "cong nhan vien chuc lao dong",
        "tnhh": "trach nhiem huu han",
        "cp": "co phan",
    }
    assert all(fold(key) == key and fold(value) == value for key, value in ABBREVIATIONS.items())


@pytest.mark.parametrize("query", ["cd co so asti", "cdcs asti", "cong doan asti", "tnhh ha noi"])
def test_abbreviated_query_finds_spelled_out_record(query):
    stored = search_text("Công đoàn cơ sở Công ty TNHH Điện tử ASTI Hà Nội")
    assert all(token in stored for token in search_tokens(query))
    assert finds(query, stored)


@pytest.mark.parametrize("query", ["dong da", "lien doan lao dong dong da", "LĐLĐ Đống Đa"])
def test_spelled_out_query_finds_abbreviated_record(query):
    stored = search_text("LĐLĐ quận Đống Đa")
    assert all(token in stored for token in search_tokens(query))
    assert finds(query, stored)


def test_abbreviated_record_also_answers_shorter_abbreviations_inside_it():
    assert finds("cd co so", search_text("CĐCS Công ty May 10"))
    assert finds("ldld", search_text("Tổng Liên đoàn Lao động Việt Nam"))
    assert finds("tld", search_text("Tổng Liên đoàn Lao động Việt Nam"))


@pytest.mark.parametrize(("abbreviation", "expansion"), sorted(ABBREVIATIONS.items()))
def test_each_abbreviation_and_its_expansion_find_each_other(abbreviation, expansion):
    assert finds(expansion, search_text(abbreviation.upper()))
    assert finds(abbreviation, search_text(expansion.title()))


def test_search_text_adds_no_abbreviation_for_words_that_only_share_initials():
    stored = search_text("Đường Trần Phú", "Cần phải")
    assert stored == " duong tran phu can phai "
    assert not finds("tp", stored)
    assert not finds("cp", stored)


def test_search_text_appends_each_missing_word_or_phrase_once():
    assert search_text("LĐLĐ quận Đống Đa") == " ldld quan dong da lien doan lao dong "
    assert search_text("CĐCS", "Công đoàn cơ sở") == " cdcs cong doan co so cd "


def test_search_text_joins_values_and_is_wrapped_in_spaces():
    stored = search_text("Nguyễn Đức Nhân", "Hà Nội")
    assert stored == " nguyen duc nhan ha noi "
    assert finds("nhan ha", stored)
    assert not finds("nha", stored)  # whole words only


def test_search_tokens_are_folded_words():
    assert search_tokens("  Công đoàn, CƠ SỞ! ") == ["cong", "doan", "co", "so"]
    assert search_tokens(" - ") == []


@given(vietnamese_text, vietnamese_text)
def test_every_word_of_a_record_finds_it(first, second):
    stored = search_text(first, second)
    assert stored.startswith(" ") and stored.endswith(" ")
    assert finds(first, stored) and finds(second, stored)
    assert finds(f"{second} {first}", stored)


# --- proper_case_name / split_full_name -----------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "proper"),
    [
        ("NGUYỄN ĐỨC NHÂN", "Nguyễn Đức Nhân"),
        ("nguyễn văn a", "Nguyễn Văn A"),
        ("  đặng   THỊ\tưng ", "Đặng Thị Ưng"),
        (nfd("đỗ ánh ỷ"), "Đỗ Ánh Ỷ"),
    ],
)
def test_proper_case_name(raw, proper):
    assert proper_case_name(raw) == proper


@given(vietnamese_names())
def test_proper_case_name_is_idempotent(name):
    once = proper_case_name(name)
    assert proper_case_name(once) == once


@given(vietnamese_names())
def test_proper_case_name_capitalises_each_word(name):
    for word in proper_case_name(name).split(" "):
        assert word[0] == word[0].upper() and word[1:] == word[1:].lower()


@pytest.mark.parametrize(
    ("full_name", "parts"),
    [
        ("Nguyễn Đức Nhân", ("Nguyễn", "Đức", "Nhân")),
        ("LÊ THỊ THU HÀ", ("Lê", "Thị Thu", "Hà")),
        ("Trần Hưng", ("Trần", "", "Hưng")),
        (" nhân ", ("", "", "Nhân")),
    ],
)
def test_split_full_name(full_name, parts):
    assert split_full_name(full_name) == parts


@pytest.mark.parametrize("blank", ["", "   ", "\t\n\u200b"])
def test_split_full_name_refuses_an_empty_name(blank):
    with pytest.raises(ValueError):
        split_full_name(blank)


@given(vietnamese_names())
def test_split_full_name_round_trips(name):
    parts = split_full_name(name)
    assert parts[2]
    assert " ".join(part for part in parts if part) == proper_case_name(name)


# --- vi_sort_key / name_sort_key ------------------------------------------------------------

SORTED_LETTERS = list("aàảãáạăằắâấbdđeêoôơuưy")

SORTED_WORDS = [
    "An",
    "an b",
    "Anh",
    "Ảnh",
    "Ánh",
    "Ân",
    "Bắc",
    "Bình",
    "Cường",
    "Dũng",
    "Duy",
    "Đào",
    "Đức",
    "Êm",
    "Fan",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hoa",
    "Hòa",
    "Hùng",
    "Hưng",
    "Ích",
    "Jen",
    "Khánh",
    "Lan",
    "Long",
    "Ly",
    "Lý",
    "Ngân",
    "Ngọc",
    "Oanh",
    "Ơn",
    "Phương",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thu",
    "Thư",
    "Tú",
    "Tuấn",
    "Tùng",
    "Uyên",
    "Ước",
    "Vân",
    "Walter",
    "Xuân",
    "Yến",
    "Zin",
]


@pytest.mark.parametrize("expected", [SORTED_LETTERS, SORTED_WORDS], ids=["letters", "words"])
def test_vi_sort_key_gives_dictionary_order(expected):
    assert sorted(reversed(expected), key=vi_sort_key) == expected
    assert sorted(sorted(expected), key=vi_sort_key) == expected


def test_vi_sort_key_puts_the_six_tones_in_order():
    tones = ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]
    assert sorted(reversed(tones), key=vi_sort_key) == tones


def test_vi_sort_key_compares_letters_before_tones():
    assert vi_sort_key("Dũng") < vi_sort_key("Duy")  # n < y outweighs ngã
    assert vi_sort_key("án") < vi_sort_key("anh")
    assert vi_sort_key("Hạnh") < vi_sort_key("Hoa")


def test_vi_sort_key_orders_spaces_then_digits_then_letters():
    expected = ["10a", "9", "a", "a 1", "a b", "a1", "ab", "anh"]
    assert sorted(reversed(expected), key=vi_sort_key) == expected
    assert sorted(sorted(expected), key=vi_sort_key) == expected


def test_vi_sort_key_gives_one_tone_per_word():
    assert vi_sort_key("Thúy") == vi_sort_key("Thuý")
    assert vi_sort_key("Hòa Bình") == vi_sort_key("Hoà Bình")
    assert vi_sort_key("Hòa") != vi_sort_key("Hoa")


def test_vi_sort_key_ignores_case_and_normal_form():
    assert vi_sort_key("Ánh") == vi_sort_key("ánh") == vi_sort_key("ÁNH") == vi_sort_key(nfd("Ánh"))
    assert vi_sort_key(" Đức  Anh ") == vi_sort_key("đức anh")


@given(st.text())
def test_vi_sort_key_is_ascii_letters_and_digits_without_zero(value):
    assert re.fullmatch(r"[1-9a-z]+", vi_sort_key(value))


@given(vietnamese_text)
def test_vi_sort_key_is_consistent_with_case(value):
    assert vi_sort_key(value.upper()) == vi_sort_key(value.lower()) == vi_sort_key(nfd(value))


@st.composite
def spelled_words(draw) -> tuple[str, tuple[list[int], list[int]]]:
    """Vietnamese-alphabet text and what its order must follow: (letters, tone of each word)."""
    letters: list[int] = []
    tones: list[int] = []
    words: list[str] = []
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        places = draw(st.lists(st.integers(0, len(ALPHABET) - 1), min_size=1, max_size=4))
        tone = draw(st.integers(0, len(TONE_MARKS) - 1))
        toned = draw(st.integers(0, len(places) - 1))
        chars = [ALPHABET[place] for place in places]
        chars[toned] += TONE_MARKS[tone]
        cases = draw(st.lists(st.booleans(), min_size=len(chars), max_size=len(chars)))
        words.append("".join(c.upper() if up else c for c, up in zip(chars, cases, strict=True)))
        letters += [-1, *places] if letters else places  # a space before every other word
        tones.append(tone)
    return unicodedata.normalize(draw(any_form), " ".join(words)), (letters, tones)


@given(spelled_words(), spelled_words())
def test_vi_sort_key_order_is_letters_then_tones(first, second):
    """Equal keys exactly for the same letters and tones; otherwise letters first, then tones."""
    (first_text, first_order), (second_text, second_order) = first, second
    assert sign(vi_sort_key(first_text), vi_sort_key(second_text)) == sign(
        first_order, second_order
    )


def test_name_sort_key_orders_people_by_given_then_middle_then_family_name():
    people = [
        ("Nguyễn", "Văn", "An"),
        ("Hoàng", "", "Ánh"),
        ("Phạm", "Thị", "Ánh"),
        ("Trần", "Thị", "Ánh"),
        ("Lê", "Văn", "Bình"),
        ("Đỗ", "Đức", "Dũng"),
        ("Bùi", "Văn", "Dũng"),
        ("Lê", "Thị Thu", "Hà"),
        ("Nguyễn", "Thu", "Hà"),
        ("Vũ", "Thị", "Hà My"),
    ]
    assert sorted(reversed(people), key=lambda p: name_sort_key(*p)) == people
    assert sorted(people, key=lambda p: name_sort_key(*p)) == people


@given(vietnamese_names(), vietnamese_names())
def test_name_sort_key_matches_comparing_the_parts_one_by_one(first, second):
    def by_parts(name: str) -> tuple[str, str, str]:
        family, middle, given_name = split_full_name(name)
        return vi_sort_key(given_name), vi_sort_key(middle), vi_sort_key(family)

    first_key = name_sort_key(*split_full_name(first))
    second_key = name_sort_key(*split_full_name(second))
    assert sign(first_key, second_key) == sign(by_parts(first), by_parts(second))
    assert re.fullmatch(r"[1-9a-z]+0[1-9a-z]+0[1-9a-z]+", first_key)


# --- format_number / format_date / document_date_line ---------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (1234.5, 1, "1.234,5"),
        (1234567, 0, "1.234.567"),
        (-1234, 0, "-1.234"),
        (Decimal("1234.5"), 0, "1.235"),
        (Decimal("-0.4"), 0, "0"),
        (999.999, 2, "1.000,00"),
        (2.675, 2, "2,68"),
        (0, 2, "0,00"),
        (123, 0, "123"),
        (Decimal("-1234567.891"), 2, "-1.234.567,89"),
        (10**30, 0, "1" + ".000" * 10),
    ],
)
def test_format_number(value, decimals, text):
    assert format_number(value, decimals) == text


@pytest.mark.parametrize("value", [float("nan"), float("inf"), Decimal("NaN")])
def test_format_number_refuses_what_is_not_a_number(value):
    with pytest.raises(ValueError):
        format_number(value)


@given(st.integers())
def test_format_number_groups_integers_by_thousands(value):
    text = format_number(value)
    assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*", text)
    assert int(text.replace(".", "")) == value


@given(
    st.decimals(min_value=-(10**12), max_value=10**12, places=4, allow_nan=False),
    st.integers(min_value=0, max_value=4),
)
def test_format_number_rounds_to_the_decimals_asked(value, decimals):
    text = format_number(value, decimals)
    pattern = r"-?\d{1,3}(\.\d{3})*" + (rf",\d{{{decimals}}}" if decimals else "")
    assert re.fullmatch(pattern, text)
    shown = Decimal(text.replace(".", "").replace(",", "."))
    assert abs(shown - value) <= Decimal(5).scaleb(-decimals - 1)


def test_format_date():
    assert format_date(date(2020, 3, 5)) == "05/03/2020"
    assert format_date(date(2025, 12, 31)) == "31/12/2025"


@pytest.mark.parametrize(
    ("day", "line"),
    [
        (date(2020, 3, 5), "Hà Nội, ngày 05 tháng 3 năm 2020"),
        (date(2020, 2, 5), "Hà Nội, ngày 05 tháng 02 năm 2020"),
        (date(2021, 1, 31), "Hà Nội, ngày 31 tháng 01 năm 2021"),
        (date(2025, 10, 10), "Hà Nội, ngày 10 tháng 10 năm 2025"),
    ],
)
def test_document_date_line(day, line):
    assert document_date_line("Hà Nội", day) == line


@given(st.dates())
def test_document_date_line_pads_days_and_only_the_first_two_months(day):
    line = document_date_line("Đống Đa", day)
    match = re.fullmatch(r"Đống Đa, ngày (\d\d) tháng (\d+) năm (\d+)", line)
    assert match
    assert int(match[1]) == day.day and int(match[2]) == day.month and int(match[3]) == day.year
    assert len(match[2]) == (2 if day.month in (1, 2, 10, 11, 12) else 1)
