"""Vietnamese text, once: NFC, tone-free search text, name sort keys, number and date formats."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal

_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^0-9a-z]+")

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


def normalize_text(value: str) -> str:
    value = unicodedata.normalize("NFC", value or "")
    value = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in value)
    return _SPACES.sub(" ", value).strip()


def _strip_marks(value: str) -> str:
    decomposed = unicodedata.normalize("NFD", value)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def fold(value: str) -> str:
    value = _strip_marks(normalize_text(value).lower()).replace("đ", "d")
    return _SPACES.sub(" ", _NOT_WORD.sub(" ", value)).strip()


def search_text(*values: str) -> str:
    words = fold(" ".join(v for v in values if v)).split()
    extra: list[str] = []
    for word in words:
        if word in ABBREVIATIONS:
            extra.append(ABBREVIATIONS[word])
    for abbreviation, expansion in ABBREVIATIONS.items():
        if f" {expansion} " in f" {' '.join(words)} ":
            extra.append(abbreviation)
    return " " + " ".join(words + extra) + " "


def search_tokens(query: str) -> list[str]:
    return fold(query).split()


def proper_case_name(value: str) -> str:
    return " ".join(word[:1].upper() + word[1:].lower() for word in normalize_text(value).split())


def split_full_name(value: str) -> tuple[str, str, str]:
    words = proper_case_name(value).split()
    if not words:
        raise ValueError("empty name")
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


_ALPHABET = "0123456789 aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_VOWEL_MARKS = {"\u0306", "\u0302", "\u031b"}


def _letters_and_tones(value: str) -> tuple[str, str]:
    letters, tones = [], []
    for char in normalize_text(value).lower():
        parts = unicodedata.normalize("NFD", char)
        tone = next((_TONES[m] for m in parts[1:] if m in _TONES), 0)
        base = unicodedata.normalize(
            "NFC", parts[0] + "".join(m for m in parts[1:] if m in _VOWEL_MARKS)
        )
        letters.append(base)
        tones.append(str(tone))
    return "".join(letters), "".join(tones)


def vi_sort_key(value: str) -> str:
    letters, tones = _letters_and_tones(value)
    coded = "".join(
        f"{_ALPHABET.index(ch) + 10:02d}" if ch in _ALPHABET else f"9{ord(ch):05d}"
        for ch in letters
    )
    return f"{coded}!{tones}"


def name_sort_key(family: str, middle: str, given: str) -> str:
    return "#".join(vi_sort_key(part) for part in (given, middle, family))


def format_number(value: int | float | Decimal, decimals: int = 0) -> str:
    text = f"{abs(value):,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"-{text}" if value < 0 else text


def format_date(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def document_date_line(place: str, day: date) -> str:
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day:%d} tháng {month} năm {day.year}"
