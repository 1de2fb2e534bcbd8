"""A covenant every member unit has signed is issued as a signed paper by a named signer of the
lead unit, with the lead's certificate (the same path as a decision); its PDF is then the file
stored, byte for byte. Before everyone has signed, or by anyone else, nothing is issued."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from congdoan.emulation.services.clusters import (
    cluster_create,
    cluster_set_leads,
    covenant_set,
    covenant_sign,
)
from congdoan.emulation.services.scorecards import ensure_shipped_scorecards
from congdoan.signing import pades
from congdoan.signing.models import PaperKind, SignedPaper
from congdoan.signing.selectors import paper
from congdoan.signing.services import certificate_upload, signer_name, trust_root_add
from tests.signing.helpers import PASSWORD, authority, pkcs12_for


def _sign(world, covenant, unit, name):
    covenant_sign(
        actor=world.bob, covenant=covenant, unit=unit, signer_name=name,
        signer_title="Chủ tịch", on=date(2020, 2, 28),
    )  # fmt: skip


@pytest.fixture
def covenant(world):
    """A cluster of Đống Đa (lead) and Thanh Trì under Hà Nội; Đống Đa has a certificate and
    bob signs for it; only Đống Đa has signed the covenant so far."""
    ensure_shipped_scorecards(world.hn, 2020)
    cluster = cluster_create(
        actor=world.bob, owner=world.hn, year=2020, name="Cụm thi đua số 1",
        units=[world.dd, world.tt],
    )  # fmt: skip
    cluster_set_leads(actor=world.bob, cluster=cluster, lead=world.dd, deputy=world.tt)
    made = covenant_set(
        actor=world.bob, cluster=cluster, theme="Đoàn kết, sáng tạo", signed_on=date(2020, 2, 28)
    )
    trust_root_add(actor=world.alice, data=authority().der)
    certificate_upload(actor=world.bob, unit=world.dd, data=pkcs12_for(), password=PASSWORD)
    signer_name(actor=world.bob, unit=world.dd, user=world.bob, name="Nguyễn Thị Hoa", title="CT")
    _sign(world, made, world.dd, "Nguyễn Thị Hoa")
    return made


def _issue(client, covenant, **data):
    url = reverse("emulation:covenant_issue", args=[covenant.cluster_id])
    typed = {"number": "3", "dated": "01/03/2020", **data}
    return client.post(url, {f"issue-{name}": value for name, value in typed.items()}, follow=True)


def test_the_covenant_is_not_issued_before_every_unit_has_signed(world, covenant, client):
    client.force_login(world.bob)
    page = client.get(reverse("emulation:cluster", args=[covenant.cluster_id])).content.decode()
    assert 'id="covenant-issue"' not in page
    answer = _issue(client, covenant).content.decode()
    assert "Còn 1 đơn vị chưa ký giao ước" in answer and not SignedPaper.objects.exists()


def test_the_signed_covenant_is_issued_stored_and_served_as_stored(world, covenant, client):
    _sign(world, covenant, world.tt, "Trần Văn Bình")
    client.force_login(world.bob)
    cluster_url = reverse("emulation:cluster", args=[covenant.cluster_id])
    assert 'id="covenant-issue"' in client.get(cluster_url).content.decode()
    assert "Đã ban hành bản giao ước có ký số." in _issue(client, covenant).content.decode()
    stored = paper(PaperKind.COVENANT, covenant.pk)
    assert stored.signed and stored.unit == world.dd and stored.signer_name == "Nguyễn Thị Hoa"
    data = bytes(stored.data)
    finding = pades.check_bytes(data, [authority().der])
    assert (finding.status, finding.trusted) == (pades.Status.INTACT, True)
    text = " ".join(pades_text(data).split())
    assert "Số: 3/GƯTĐ-CTĐ" in text and "Trần Văn Bình" in text and "Đã ký số" in text
    pdf_url = reverse("emulation:covenant_file", args=[covenant.cluster_id, "pdf"])
    assert client.get(pdf_url, {"number": "9"}).content == data  # the issued file, not a new one
    page = client.get(cluster_url).content.decode()
    assert 'id="covenant-issued"' in page and 'data-status="intact"' in page
    assert 'id="covenant-issue"' not in page
    again = _issue(client, covenant).content.decode()
    assert SignedPaper.objects.count() == 1 and "error" in again


def pades_text(data: bytes) -> str:
    from congdoan.core.documents import pdf_text

    return pdf_text(data)


def test_only_a_signer_of_the_lead_issues_it(world, covenant, client):
    _sign(world, covenant, world.tt, "Trần Văn Bình")
    for user in (world.charlie, world.frank, world.alice):
        client.force_login(user)
        assert _issue(client, covenant).status_code == 403, user.username
    assert not SignedPaper.objects.exists()


def test_a_lead_without_a_certificate_cannot_issue_it_signed(world, covenant, client):
    from congdoan.signing.models import SigningCertificate

    _sign(world, covenant, world.tt, "Trần Văn Bình")
    SigningCertificate.objects.all().delete()
    client.force_login(world.bob)
    answer = _issue(client, covenant).content.decode()
    assert "chưa có chứng thư số" in answer and not SignedPaper.objects.exists()


def test_a_refused_issue_returns_with_what_was_typed(world, covenant, client):
    _sign(world, covenant, world.tt, "Trần Văn Bình")
    client.force_login(world.bob)
    refused = _issue(client, covenant, number="7", dated="31/02/2020").content.decode()
    form = refused[refused.index('id="covenant-issue"') :]
    assert 'value="7"' in form and 'value="31/02/2020"' in form
    assert 'class="msg error">Ngày văn bản phải có dạng dd/mm/yyyy' in form
