"""Cells typed in TCVN3 (ABC) or VNI come back as Unicode; Unicode and plain text stay."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from congdoan.imports.legacy import from_legacy, is_syllable


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("NguyÔn V¨n Hïng", "Nguyễn Văn Hùng"),
        ("TiÕng ViÖt rÊt hay", "Tiếng Việt rất hay"),
        ("B¶o Th¾ng", "Bảo Thắng"),
        ("Tr\xad¬ng ThÞ Thu H»ng", "Trương Thị Thu Hằng"),
        ("§èng §a", "Đống Đa"),
        ("Nguyeãn Vaên Huøng", "Nguyễn Văn Hùng"),
        ("Tieáng Vieät raát hay", "Tiếng Việt rất hay"),
        ("Xin chaøo caùc baïn", "Xin chào các bạn"),
        ("Ñoáng Ña", "Đống Đa"),
        ("Tröông Thò Thu Haèng", "Trương Thị Thu Hằng"),
        ("NGUYEÃN VAÊN HUØNG", "NGUYỄN VĂN HÙNG"),
    ],
)
def test_legacy_cells_are_converted(legacy, unicode):
    assert from_legacy(legacy) == unicode


@pytest.mark.parametrize(
    "text",
    ["Hoà Bình", "Nguyễn Văn Hùng", "Xuân Thuỷ", "ASTI", "Lê Thị Hà", "Cà Mau", "Khoé", "1985"],
)
def test_unicode_and_plain_cells_are_left_alone(text):
    assert from_legacy(text) == text


@given(st.sampled_from(["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ"]))
def test_family_names_are_syllables(name):
    assert is_syllable(name)


def test_two_tones_are_not_a_syllable():
    assert not is_syllable("Nguyeãn") and not is_syllable("hoàá")
