"""The signing administration's pages: a unit's certificates uploaded (and refused with the
reason, nothing written), its signers named and removed, the trust roots of the system; each
reached from the unit's page by whoever grants roles on the unit, and by nobody else."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography.hazmat.primitives import serialization
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from congdoan.audit.models import AuditEntry
from congdoan.signing.models import Signer, SigningCertificate, TrustRoot
from congdoan.signing.services import signer_name
from tests.signing.helpers import PASSWORD, authority, mismatched_pkcs12, pkcs12_for


def _upload(client, unit, data: bytes, password: str = PASSWORD):
    return client.post(
        reverse("signing:unit", args=[unit.pk]),
        {"file": SimpleUploadedFile("ky.p12", data), "password": password},
    )


@pytest.fixture
def bob(world, client):
    client.force_login(world.bob)
    return client


def test_the_unit_page_links_to_signing_for_its_role_granters_only(world, client):
    link = reverse("signing:unit", args=[world.g1.pk])
    for user, shown in ((world.bob, True), (world.charlie, False), (world.frank, False)):
        client.force_login(user)
        page = client.get(reverse("org:detail", args=[world.g1.pk])).content.decode()
        assert (link in page) is shown, user.username


def test_a_certificate_uploaded_is_listed_with_its_subject_issuer_dates_and_state(world, bob):
    answer = _upload(bob, world.g1, pkcs12_for("Trần Thị Ký"))
    assert answer.status_code == 302
    page = bob.get(reverse("signing:unit", args=[world.g1.pk])).content.decode()
    made = SigningCertificate.objects.get()
    assert "Trần Thị Ký" in page and "CA thử nghiệm của bộ kiểm thử" in page
    assert timezone.localtime(made.not_after).strftime("%d/%m/%Y") in page
    assert 'data-state="in_use"' in page and "Đang dùng để ký" in page


def test_the_certificate_replaced_shows_retired(world, bob):
    _upload(bob, world.g1, pkcs12_for("Người thứ nhất"))
    _upload(bob, world.g1, pkcs12_for("Người thứ hai"))
    page = bob.get(reverse("signing:unit", args=[world.g1.pk])).content.decode()
    assert page.count('data-state="retired"') == 1 and page.count('data-state="in_use"') == 1


@pytest.mark.parametrize(
    ("data", "password", "reason"),
    [
        (lambda: pkcs12_for(), "sai-mat-khau", "Mật khẩu của tệp chứng thư số không đúng."),
        (
            lambda: pkcs12_for(
                not_before=timezone.now() - timedelta(days=400),
                not_after=timezone.now() - timedelta(days=1),
            ),
            PASSWORD,
            "Chứng thư số đã hết hạn.",
        ),
        (mismatched_pkcs12, "", "Khóa bí mật trong tệp không khớp với chứng thư số."),
        (lambda: b"%PDF-1.7 not a key file", PASSWORD, "không phải chứng thư số PKCS#12"),
        (lambda: b"", PASSWORD, "Tệp"),
    ],
    ids=["wrong password", "expired", "key mismatch", "not PKCS#12", "empty"],
)
def test_a_bad_certificate_is_refused_with_its_reason_and_nothing_written(
    world, bob, data, password, reason
):
    answer = _upload(bob, world.g1, data(), password)
    assert answer.status_code == 200
    assert reason in answer.content.decode()
    assert not SigningCertificate.objects.exists()
    assert not AuditEntry.objects.filter(action="signing.certificate").exists()


def test_the_password_is_never_shown_back(world, bob):
    answer = _upload(bob, world.g1, pkcs12_for(), "sai-mat-khau")
    assert "sai-mat-khau" not in answer.content.decode()


def test_a_signer_is_named_and_removed(world, bob):
    url = reverse("signing:signer_new", args=[world.g1.pk])
    data = {"username": "dana", "name": "Lê Thị Dana", "title": "Chủ tịch công đoàn"}
    assert bob.post(url, data).status_code == 302
    signer = Signer.objects.get()
    assert (signer.user, signer.name, signer.title) == (world.dana, *list(data.values())[1:])
    page = bob.get(reverse("signing:unit", args=[world.g1.pk])).content.decode()
    assert "Lê Thị Dana" in page and "Chủ tịch công đoàn" in page
    assert bob.post(reverse("signing:signer_remove", args=[signer.pk])).status_code == 302
    assert not Signer.objects.exists()
    assert AuditEntry.objects.filter(action="signing.signer_remove").count() == 1


def test_a_signer_must_be_someone_whose_scope_holds_the_unit(world, bob):
    """dana keeps G1 only: she cannot sign for the city federation; not found, like no one."""
    answer = bob.post(
        reverse("signing:signer_new", args=[world.hn.pk]),
        {"username": "dana", "name": "Dana", "title": "Chủ tịch"},
    )
    assert answer.status_code == 200 and "Không có người dùng này." in answer.content.decode()
    assert not Signer.objects.exists()


def test_a_signer_named_twice_is_refused(world, bob):
    signer_name(actor=world.bob, unit=world.g1, user=world.dana, name="Dana", title="CT")
    answer = bob.post(
        reverse("signing:signer_new", args=[world.g1.pk]),
        {"username": "dana", "name": "Dana", "title": "CT"},
    )
    assert "đã có tên người ký" in answer.content.decode() and Signer.objects.count() == 1


def test_the_administrator_adds_a_trust_root_as_pem_or_der_and_sees_it_listed(world, client):
    client.force_login(world.alice)
    url = reverse("signing:trust_roots")
    pem = authority().certificate.public_bytes(serialization.Encoding.PEM)
    answer = client.post(url, {"file": SimpleUploadedFile("goc.pem", pem)})
    assert answer.status_code == 302 and TrustRoot.objects.count() == 1
    page = client.get(url).content.decode()
    assert "CA thử nghiệm của bộ kiểm thử" in page and TrustRoot.objects.get().fingerprint in page
    again = client.post(url, {"file": SimpleUploadedFile("goc.cer", authority().der)})
    assert "đã có trong danh sách tin cậy" in again.content.decode()
    junk = client.post(url, {"file": SimpleUploadedFile("goc.cer", b"rubbish")})
    assert "không phải chứng thư số" in junk.content.decode() and TrustRoot.objects.count() == 1


def test_only_the_administrator_reaches_the_trust_roots(world, client):
    for user in (world.bob, world.charlie, world.frank):
        client.force_login(user)
        assert client.get(reverse("signing:trust_roots")).status_code == 403
        pem = SimpleUploadedFile("goc.cer", authority().der)
        assert client.post(reverse("signing:trust_roots"), {"file": pem}).status_code == 403
    assert not TrustRoot.objects.exists()
