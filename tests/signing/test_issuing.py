# ruff: noqa: F811 - the fixture before_council is imported from the awards cycle tests
"""Certificates and signers kept by the unit's administrator; a decision signed as it is issued,
stored with its hash and served byte for byte; refusals that leave nothing issued; the public
verify page shows the signature's status."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from congdoan.audit.models import AuditEntry
from congdoan.awards.models import Award, AwardDecision
from congdoan.awards.services.decisions import decide, publish
from congdoan.signing import pades, vault
from congdoan.signing.models import PaperKind, SignedPaper, SigningCertificate
from congdoan.signing.selectors import paper
from congdoan.signing.services import (
    certificate_upload,
    paper_issue,
    signer_name,
    trust_root_add,
)
from tests.awards.test_cycle import _scored_and_closed, before_council  # noqa: F401 - fixture
from tests.signing.helpers import PASSWORD, authority, pkcs12_for, renderer


@pytest.fixture
def signing_hn(world):
    """HN holds a certificate of the test authority, bob signs for it, the authority is trusted."""
    trust_root_add(actor=world.alice, data=authority().der)
    certificate_upload(actor=world.bob, unit=world.hn, data=pkcs12_for(), password=PASSWORD)
    signer_name(
        actor=world.bob, unit=world.hn, user=world.bob, name="Nguyễn Phi Thường", title="Chủ tịch"
    )
    return world


def test_an_uploaded_certificate_is_kept_sealed_and_described(world):
    made = certificate_upload(actor=world.bob, unit=world.hn, data=pkcs12_for(), password=PASSWORD)
    assert made.subject == "Nguyễn Văn Ký" and made.issuer == "CA thử nghiệm của bộ kiểm thử"
    sealed = bytes(made.sealed)
    assert b"BEGIN" not in sealed and pades.read_pkcs12(vault.unseal(sealed), "").subject
    entry = AuditEntry.objects.get(action="signing.certificate")
    assert entry.after["fingerprint"] == made.fingerprint and "sealed" not in entry.after


def test_a_new_certificate_retires_the_one_before(world):
    first = certificate_upload(actor=world.bob, unit=world.hn, data=pkcs12_for(), password=PASSWORD)
    certificate_upload(actor=world.bob, unit=world.hn, data=pkcs12_for("B"), password=PASSWORD)
    first.refresh_from_db()
    assert first.retired_at is not None
    assert SigningCertificate.objects.filter(unit=world.hn, retired_at__isnull=True).count() == 1


def test_a_wrong_password_writes_nothing(world):
    with pytest.raises(ValidationError, match="Mật khẩu"):
        certificate_upload(actor=world.bob, unit=world.hn, data=pkcs12_for(), password="sai")
    assert not SigningCertificate.objects.exists()
    assert not AuditEntry.objects.filter(action="signing.certificate").exists()


def test_only_the_units_administrator_keeps_its_certificate(world):
    for user in (world.charlie, world.dana, world.frank):
        with pytest.raises(PermissionDenied):
            certificate_upload(actor=user, unit=world.hn, data=pkcs12_for(), password=PASSWORD)
    with pytest.raises(PermissionDenied):
        certificate_upload(actor=world.bob, unit=world.dn, data=pkcs12_for(), password=PASSWORD)
    with pytest.raises(PermissionDenied):
        signer_name(actor=world.charlie, unit=world.hn, user=world.charlie, name="C", title="T")


def test_only_a_system_administrator_adds_a_trust_root(world):
    with pytest.raises(PermissionDenied):
        trust_root_add(actor=world.bob, data=authority().der)
    with pytest.raises(ValidationError, match="không phải chứng thư"):
        trust_root_add(actor=world.alice, data=b"rubbish")


def test_a_unit_without_a_certificate_issues_its_paper_marked_unsigned(world):
    made = paper_issue(
        actor=world.bob, kind=PaperKind.REPORT, reference="r1", unit=world.hn,
        render=renderer(), reason="Báo cáo",
    )  # fmt: skip
    assert not made.signed and made.signer_name == ""
    assert pades.check_bytes(bytes(made.data), []).status == pades.Status.UNSIGNED


def test_a_user_not_named_to_sign_is_refused_and_nothing_is_issued(signing_hn):
    with pytest.raises(ValidationError, match="không có tên trong danh sách người ký"):
        paper_issue(
            actor=signing_hn.alice, kind=PaperKind.REPORT, reference="r1", unit=signing_hn.hn,
            render=renderer(), reason="Báo cáo",
        )  # fmt: skip
    assert not SignedPaper.objects.exists()


def test_an_expired_certificate_refuses_to_issue(signing_hn):
    from django.utils import timezone

    SigningCertificate.objects.update(not_after=timezone.now())
    with pytest.raises(ValidationError, match="hết hạn"):
        paper_issue(
            actor=signing_hn.bob, kind=PaperKind.REPORT, reference="r1", unit=signing_hn.hn,
            render=renderer(), reason="Báo cáo",
        )  # fmt: skip
    assert not SignedPaper.objects.exists()


def _decided(world, campaign, rows, gia) -> AwardDecision:
    _scored_and_closed(world, campaign, rows, gia)
    publish(actor=world.bob, campaign=campaign, on=date(2020, 2, 26))
    return decide(
        actor=world.bob,
        campaign=campaign,
        signed_on=date(2020, 3, 10),
        signer="Nguyễn Phi Thường",
        suffix="QĐ-LĐLĐ",
    )


def test_a_decision_is_signed_as_it_is_issued_and_served_as_stored(
    signing_hn, before_council, client
):
    made = _decided(signing_hn, *before_council)
    stored = paper(PaperKind.DECISION, made.pk)
    data = bytes(stored.data)
    assert stored.signed and stored.sha256 == hashlib.sha256(data).hexdigest()
    assert stored.signer_name == "Nguyễn Phi Thường" and stored.signer_title == "Chủ tịch"
    finding = pades.check_bytes(data, [authority().der])
    assert finding.status == pades.Status.INTACT and finding.trusted
    client.force_login(signing_hn.bob)
    answer = client.get(reverse("awards:decision", args=[made.pk, "pdf"]))
    assert answer.status_code == 200 and answer.content == data


def test_a_decision_by_someone_not_named_is_refused_and_takes_no_number(signing_hn, before_council):
    campaign, rows, gia = before_council
    _scored_and_closed(signing_hn, campaign, rows, gia)
    publish(actor=signing_hn.bob, campaign=campaign, on=date(2020, 2, 26))
    with pytest.raises(ValidationError, match="người ký"):
        decide(
            actor=signing_hn.alice, campaign=campaign, signed_on=date(2020, 3, 10),
            signer="A", suffix="QĐ-LĐLĐ",
        )  # fmt: skip
    assert not AwardDecision.objects.exists() and not SignedPaper.objects.exists()


def test_the_certificate_is_signed_and_the_verify_page_shows_both_signatures(
    signing_hn, before_council, client
):
    made = _decided(signing_hn, *before_council)
    award = Award.objects.filter(decision=made).first()
    client.force_login(signing_hn.bob)
    printed = client.get(reverse("awards:certificate", args=[award.pk]))
    assert printed.status_code == 200
    stored = paper(PaperKind.CERTIFICATE, award.pk)
    assert printed.content == bytes(stored.data) and stored.signer_name == "Nguyễn Phi Thường"
    client.logout()
    page = client.get(reverse("awards:verify", args=[award.token])).content.decode()
    assert page.count('data-status="intact"') == 2 and "Nguyễn Văn Ký" in page


def test_the_verify_page_flags_a_stored_paper_altered_since(signing_hn, before_council, client):
    made = _decided(signing_hn, *before_council)
    stored = paper(PaperKind.DECISION, made.pk)
    changed = bytearray(stored.data)
    changed[len(changed) // 3] ^= 1
    SignedPaper.objects.filter(pk=stored.pk).update(data=bytes(changed))
    award = Award.objects.filter(decision=made).first()
    page = client.get(reverse("awards:verify", args=[award.token])).content.decode()
    assert 'data-status="altered"' in page


def test_a_decision_of_a_unit_without_certificate_says_so_on_the_verify_page(
    world, before_council, client
):
    made = _decided(world, *before_council)
    assert paper(PaperKind.DECISION, made.pk) is None
    award = Award.objects.filter(decision=made).first()
    page = client.get(reverse("awards:verify", args=[award.token])).content.decode()
    assert "không có chữ ký số" in page
