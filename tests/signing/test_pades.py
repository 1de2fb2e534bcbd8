"""Sign with pyHanko and check again: intact, trusted only under a trust root, one altered byte
flagged, garbage and truncated files unreadable; PKCS#12 refusals say what is wrong."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.core.documents import SignatureMark, as_placed_pdf
from congdoan.signing import pades
from tests.signing.helpers import PASSWORD, authority, mismatched_pkcs12, paper, pkcs12_for

MARK = SignatureMark(lines=("Đã ký số", "Người ký: Nguyễn Văn Ký", "Chức vụ: Chủ tịch"))


@pytest.fixture(scope="module")
def signed() -> bytes:
    data, placement = as_placed_pdf(paper(), MARK)
    assert placement is not None and placement[0] == 0
    material = pades.read_pkcs12(pkcs12_for(), PASSWORD)
    return pades.sign_bytes(
        data,
        material.plain_pkcs12(),
        box=pades.Box(*placement),
        name="Nguyễn Văn Ký",
        reason="Ban hành quyết định",
        location="Hà Nội",
    )


def test_a_signed_paper_checks_intact_and_trusted_under_its_root(signed):
    finding = pades.check_bytes(signed, [authority().der])
    assert finding.status == pades.Status.INTACT
    assert finding.signer == "Nguyễn Văn Ký"
    assert finding.trusted and finding.valid_at_signing
    assert finding.signed_at is not None


def test_without_the_root_it_is_intact_but_not_trusted(signed):
    finding = pades.check_bytes(signed, [])
    assert finding.status == pades.Status.INTACT and not finding.trusted


def _flip(data: bytes, at: int) -> bytes:
    changed = bytearray(data)
    changed[at] ^= 0x01
    return bytes(changed)


def test_one_altered_byte_is_flagged_and_never_trusted(signed):
    finding = pades.check_bytes(_flip(signed, len(signed) // 3), [authority().der])
    assert finding.status == pades.Status.ALTERED
    assert not finding.trusted and not finding.valid_at_signing


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(fraction=st.floats(min_value=0.02, max_value=0.6))
def test_a_byte_altered_anywhere_in_the_content_is_never_intact(signed, fraction):
    finding = pades.check_bytes(_flip(signed, int(len(signed) * fraction)), [authority().der])
    assert finding.status != pades.Status.INTACT
    assert not finding.trusted


def test_an_appended_revision_after_signing_is_flagged(signed):
    appended = signed + b"\n1 0 obj\n<< /Evil true >>\nendobj\n"
    finding = pades.check_bytes(appended, [authority().der])
    assert finding.status in (pades.Status.ALTERED, pades.Status.UNREADABLE)


def test_garbage_and_a_truncated_file_are_unreadable(signed):
    assert pades.check_bytes(b"not a pdf at all", []).status == pades.Status.UNREADABLE
    assert pades.check_bytes(signed[: len(signed) // 2], []).status == pades.Status.UNREADABLE


def test_an_unsigned_pdf_is_reported_unsigned():
    data, _placement = as_placed_pdf(paper(), None)
    assert pades.check_bytes(data, [authority().der]).status == pades.Status.UNSIGNED


def _refusal(data: bytes, password: str, **kwargs) -> str:
    with pytest.raises(ValidationError) as caught:
        pades.read_pkcs12(data, password, **kwargs)
    return " ".join(m for ms in caught.value.message_dict.values() for m in ms)


def test_a_wrong_password_is_refused_as_such():
    assert "Mật khẩu" in _refusal(pkcs12_for(), "sai-mat-khau")


def test_a_file_that_is_not_pkcs12_is_refused():
    assert "không phải chứng thư số" in _refusal(b"\x30\x03\x02\x01\x05garbage", PASSWORD)


def test_an_expired_certificate_is_refused():
    now = datetime.now(UTC)
    old = pkcs12_for(not_before=now - timedelta(days=800), not_after=now - timedelta(days=1))
    assert "hết hạn" in _refusal(old, PASSWORD)


def test_a_certificate_not_yet_in_force_is_refused():
    now = datetime.now(UTC)
    later = pkcs12_for(not_before=now + timedelta(days=3), not_after=now + timedelta(days=30))
    assert "chưa đến ngày" in _refusal(later, PASSWORD)


def test_a_key_that_does_not_match_its_certificate_is_refused():
    assert "không khớp" in _refusal(mismatched_pkcs12(), "")


def test_the_signature_field_lies_over_the_box_the_layout_drew():
    import io

    from pypdf import PdfReader

    data, placement = as_placed_pdf(paper(), MARK)
    material = pades.read_pkcs12(pkcs12_for(), PASSWORD)
    signed = pades.sign_bytes(
        data, material.plain_pkcs12(), box=pades.Box(*placement), name="A", reason="B", location="C"
    )
    page = PdfReader(io.BytesIO(signed)).pages[placement[0]]
    widgets = [a.get_object() for a in page["/Annots"] if a.get_object()["/Subtype"] == "/Widget"]
    assert [float(v) for v in widgets[0]["/Rect"]] == pytest.approx(
        [int(v) for v in placement[1:]], abs=1
    )
    assert "Người ký: Nguyễn Văn Ký" in pades_text(signed)


def pades_text(data: bytes) -> str:
    from congdoan.core.documents import pdf_text

    return pdf_text(data)
