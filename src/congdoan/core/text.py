"""Vietnamese text helpers: clean text, tone-free search text, name order keys, number and dates.

Pure Python (stdlib `unicodedata` only), so it can be used and tested without Django.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import lru_cache

ABBREVIATIONS: dict[str, str] = {
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


# --- Cleaning and folding -------------------------------------------------------------------


def _visible(char: str) -> str:
    """Whitespace as a space; control (Cc) and format (Cf: zero-width space, BOM...) dropped."""
    if char.isspace():
        return " "
    return "" if unicodedata.category(char) in ("Cc", "Cf") else char


def normalize_text(value: str) -> str:
    """NFC text without control characters, whitespace runs (tabs, newlines) as one space."""
    if not value:
        return value
    if value.isascii() and value.isprintable():  # already NFC; most cells of a list
        return " ".join(value.split())
    if not value.isprintable():  # only then can it hold control or format characters
        value = "".join(_visible(char) for char in value)
    return unicodedata.normalize("NFC", " ".join(value.split()))


def _without_marks(value: str) -> str:
    decomposed = unicodedata.normalize("NFD", value)
    return "".join(char for char in decomposed if not unicodedata.category(char).startswith("M"))


def fold(value: str) -> str:
    """Lowercase words without tones or vowel marks, for tone-insensitive search.

    "LĐLĐ quận Đống Đa" -> "ldld quan dong da". Anything but letters and digits separates words.
    Folded a word at a time, each word once: names and places repeat a few thousand words.
    """
    return " ".join(filter(None, map(_fold_word, normalize_text(value).split(" "))))


@lru_cache(maxsize=65_536)
def _fold_word(word: str) -> str:
    plain = _without_marks(word.casefold()).replace("đ", "d")
    return " ".join("".join(char if char.isalnum() else " " for char in plain).split())


# --- Search text ----------------------------------------------------------------------------

_EXPANSION_WORDS: dict[str, list[str]] = {
    abbreviation: expansion.split() for abbreviation, expansion in ABBREVIATIONS.items()
}


def _by_first_word() -> dict[str, list[tuple[str, list[str]]]]:
    found: dict[str, list[tuple[str, list[str]]]] = {}
    for abbreviation, expansion in _EXPANSION_WORDS.items():
        found.setdefault(expansion[0], []).append((abbreviation, expansion))
    return found


_EXPANSIONS_BY_FIRST_WORD = _by_first_word()


def _abbreviations_spelled_out(words: list[str]) -> Iterator[str]:
    """Abbreviations whose expansion appears word for word in `words` (in the table's order)."""
    found = set()
    for i, word in enumerate(words):
        for abbreviation, expansion in _EXPANSIONS_BY_FIRST_WORD.get(word, ()):
            if words[i : i + len(expansion)] == expansion:
                found.add(abbreviation)
    return (abbreviation for abbreviation in _EXPANSION_WORDS if abbreviation in found)


def search_text(*values: str) -> str:
    """The text to store for a record so `search_tokens` words can be found in it.

    The folded values, then the expansion of each abbreviation they use and the abbreviation of
    each expansion they spell out (once each), wrapped in spaces: a word `w` is in it iff " w " is.
    """
    words = fold(" ".join(values)).split()
    expansions = [ABBREVIATIONS[word] for word in words if word in ABBREVIATIONS]
    phrases = [words, *(expansion.split() for expansion in expansions)]
    abbreviations = [abbr for phrase in phrases for abbr in _abbreviations_spelled_out(phrase)]
    folded = f" {' '.join(words)} "
    extras = [
        extra for extra in dict.fromkeys(expansions + abbreviations) if f" {extra} " not in folded
    ]
    return f"{folded}{' '.join(extras)} " if extras else folded


def search_tokens(query: str) -> list[str]:
    """The folded words of a query; each must be found in a record's `search_text`."""
    return fold(query).split()


# --- Names ----------------------------------------------------------------------------------


def proper_case_name(value: str) -> str:
    """Each word capitalised: "NGUYỄN ĐỨC NHÂN" -> "Nguyễn Đức Nhân"."""
    words = (word.capitalize() for word in normalize_text(value).split(" "))
    return unicodedata.normalize("NFC", " ".join(words))


def split_full_name(value: str) -> tuple[str, str, str]:
    """(family, middle, given): "Lê Thị Thu Hà" -> ("Lê", "Thị Thu", "Hà")."""
    words = proper_case_name(value).split()
    if not words:
        raise ValueError("A full name needs at least one word.")
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


# --- Vietnamese dictionary order ------------------------------------------------------------
#
# A key is ASCII, made of 0-9a-z only: so binary order (SQLite, PostgreSQL COLLATE "C") and
# the usual locale collations (which may skip punctuation) agree on it. Layout:
#   <one code per character> "1" <one tone digit per word>
# Codes start with a class character: "2" space, "3" punctuation or symbol, "4" digit,
# "a" Vietnamese letter (then its place in _ALPHABET), "b" any other character. So letters
# decide first over the whole string, the tones of the words only break ties, "1" ends the
# letters before any further character ("an" < "an b" < "anh"), and "0" is free to separate keys.

_CODE_DIGITS = "23456789abcdefghijklmnopqrstuvwxyz"  # 34 digits, none of "0" and "1"
_LETTERS_END = "1"
_KEY_SEPARATOR = "0"
_SPACE_CODE = "22"
_ALPHABET = [*"aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"]  # f j w z for foreign names
_LETTER_CODES = {letter: "a" + _CODE_DIGITS[place] for place, letter in enumerate(_ALPHABET)}
_DIGIT_CODES = {digit: "4" + _CODE_DIGITS[int(digit)] for digit in "0123456789"}
# none, huyền (grave), hỏi (hook), ngã (tilde), sắc (acute), nặng (dot below)
_NO_TONE = "2"
_TONES = {"\u0300": "3", "\u0309": "4", "\u0303": "5", "\u0301": "6", "\u0323": "7"}
_VOWEL_MARKS = ("\u0306", "\u0302", "\u031b")  # breve (ă), circumflex (â ê ô), horn (ơ ư)


def _clusters(decomposed: str) -> Iterator[tuple[str, str]]:
    """(base character, its combining marks) of NFD text; marks with no base are dropped."""
    base, marks = "", ""
    for char in decomposed:
        if unicodedata.category(char).startswith("M"):
            marks += char
            continue
        if base:
            yield base, marks
        base, marks = char, ""
    if base:
        yield base, marks


def _letter(base: str, marks: str) -> str:
    """The letter a base makes with its vowel mark ("a" + breve -> "ă"); other marks ignored."""
    for mark in marks:
        if mark in _VOWEL_MARKS:
            letter = unicodedata.normalize("NFC", base + mark)
            if letter in _LETTER_CODES:
                return letter
    return base


def _tone(marks: str) -> str:
    return next((_TONES[mark] for mark in marks if mark in _TONES), _NO_TONE)


def _in_code_digits(number: int, width: int) -> str:
    digits = ""
    for _ in range(width):
        number, rest = divmod(number, len(_CODE_DIGITS))
        digits = _CODE_DIGITS[rest] + digits
    return digits


def _character_code(base: str, marks: str) -> str:
    letter = _letter(base, marks)
    if letter in _LETTER_CODES:
        return _LETTER_CODES[letter]
    if base == " ":
        return _SPACE_CODE
    if base in _DIGIT_CODES:
        return _DIGIT_CODES[base]
    kind = "3" if unicodedata.category(base)[0] in "PS" else "b"
    return kind + _in_code_digits(ord(base), 4)  # 34**4 > every code point


def _word_tones(clusters: Iterable[tuple[str, str]]) -> str:
    """One tone per word (run of letters): its first tone mark, so "Thúy" and "Thuý" tie."""
    tones: list[str] = []
    in_word = False
    for base, marks in clusters:
        is_letter = _letter(base, marks) in _LETTER_CODES
        if is_letter and not in_word:
            tones.append(_NO_TONE)
        if is_letter and tones[-1] == _NO_TONE:
            tones[-1] = _tone(marks)
        in_word = is_letter
    return "".join(tones)


@lru_cache(maxsize=65_536)  # names repeat: a few hundred family, middle and given names
def vi_sort_key(value: str) -> str:
    """An ASCII key whose binary order is Vietnamese dictionary order, case-insensitive.

    a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v (w) x y (z), compared over
    the whole string first; then the tone of each word: none, huyền, hỏi, ngã, sắc, nặng.
    """
    clusters = list(_clusters(unicodedata.normalize("NFD", normalize_text(value).lower())))
    letters = "".join(_character_code(base, marks) for base, marks in clusters)
    return letters + _LETTERS_END + _word_tones(clusters)


def name_sort_key(family: str, middle: str, given: str) -> str:
    """Key for lists of people: by given name, then middle name, then family name."""
    return _KEY_SEPARATOR.join(vi_sort_key(part) for part in (given, middle, family))


# --- Numbers and dates ----------------------------------------------------------------------


def format_number(value: int | float | Decimal, decimals: int = 0) -> str:
    """Vietnamese style, half away from zero: 1234.5 -> "1.235"; decimals=1 -> "1.234,5"."""
    if decimals < 0:
        raise ValueError("decimals cannot be negative.")
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise ValueError(f"Cannot format {value!r} as a number.")
    precision = max(28, number.adjusted() + decimals + 2)
    rounded = number.quantize(
        Decimal(1).scaleb(-decimals), context=Context(prec=precision, rounding=ROUND_HALF_UP)
    )
    english = f"{rounded.copy_abs():,.{decimals}f}"  # "1,234.5"
    vietnamese = english.translate(str.maketrans(",.", ".,"))
    return f"-{vietnamese}" if rounded < 0 else vietnamese


def format_date(day: date) -> str:
    """dd/mm/yyyy: "05/03/2020"."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def document_date_line(place: str, day: date) -> str:
    """The place-and-date line of an administrative document.

    "Hà Nội, ngày 05 tháng 3 năm 2020": days below 10 and months below 3 take a leading zero.
    """
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{normalize_text(place)}, ngày {day.day:02d} tháng {month} năm {day.year}"
