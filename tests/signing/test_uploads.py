"""A PDF uploaded with a nomination's dossier is checked as it is uploaded, and the dossier's
list shows the result beside each file: signed intact (and whether the signer's certificate
chains to a trust root), altered after signing (in red, never trusted), unsigned, unreadable."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from congdoan.awards.models import Attachment
from congdoan.awards.services.nominations import nominate
from congdoan.signing import pades
from congdoan.signing.models import CheckStatus, PdfCheck
from congdoan.signing.services import trust_root_add
from tests.awards.helpers import SUBMIT_ON, direct_union, dossier, official, seed_campaign
from tests.signing.helpers import PASSWORD, pkcs12_for, renderer


@lru_cache(maxsize=1)
def _papers() -> dict[str, bytes]:
    unsigned, placement = renderer()(None)
    material = pades.read_pkcs12(pkcs12_for("Phạm Văn Gửi"), PASSWORD)
    signed = pades.sign_bytes(
        renderer()(None)[0],
        material.plain_pkcs12(),
        box=pades.Box(*placement) if placement else None,
        name="Phạm Văn Gửi",
        reason="Thử",
        location="Hà Nội",
    )
    altered = bytearray(signed)
    altered[len(altered) // 3] ^= 1
    return {
        "da-ky.pdf": signed,
        "bi-sua.pdf": bytes(altered),
        "chua-ky.pdf": unsigned,
        "hong.pdf": b"%PDF-1.7\n\x00\x01 garbage, not a PDF at all",
        "dut-doan.pdf": signed[: len(signed) // 2],
        "ghi-chu.txt": "Ghi chú".encode(),
    }


def _uploads(names) -> list[SimpleUploadedFile]:
    kind = {True: "application/pdf", False: "text/plain"}
    return [
        SimpleUploadedFile(name, _papers()[name], kind[name.endswith(".pdf")]) for name in names
    ]


@pytest.fixture
def nominated(world):
    """A nomination of a direct union's chair with every kind of file; the test CA trusted."""
    trust_root_add(actor=world.alice, data=_authority_der())
    union = direct_union(world)
    campaign = seed_campaign(world, [(union, 1)])
    files = dossier(campaign)
    files.attachments = _uploads(_papers())
    nomination = nominate(
        actor=world.bob,
        campaign=campaign,
        from_unit=union,
        person=official(union),
        dossier=files,
        on=SUBMIT_ON,
    )
    return world, nomination


def _authority_der() -> bytes:
    from tests.signing.helpers import authority

    return authority().der


def _line(page: str, name: str) -> str:
    return re.search(rf"<li><a [^>]*>{re.escape(name)}</a>.*?</li>", page, re.S).group(0)


def test_each_pdf_is_checked_as_it_is_uploaded(nominated):
    _world, nomination = nominated
    by_name = {a.name: a.sha256 for a in Attachment.objects.filter(nomination=nomination)}
    checks = {c.sha256: c for c in PdfCheck.objects.all()}
    status = {name: checks[sha].status for name, sha in by_name.items() if sha in checks}
    assert status == {
        "da-ky.pdf": CheckStatus.INTACT,
        "bi-sua.pdf": CheckStatus.ALTERED,
        "chua-ky.pdf": CheckStatus.UNSIGNED,
        "hong.pdf": CheckStatus.UNREADABLE,
        "dut-doan.pdf": CheckStatus.UNREADABLE,
    }  # the .txt file is no PDF: not checked
    signed = checks[by_name["da-ky.pdf"]]
    assert signed.trusted and signed.valid_at_signing and signed.signer == "Phạm Văn Gửi"
    assert not checks[by_name["bi-sua.pdf"]].trusted


def test_the_dossier_list_shows_each_result_beside_its_file(nominated, client):
    world, nomination = nominated
    client.force_login(world.bob)
    page = client.get(reverse("awards:nomination", args=[nomination.pk])).content.decode()
    intact = _line(page, "da-ky.pdf")
    assert 'data-status="intact"' in intact and 'data-trusted="yes"' in intact
    assert "Phạm Văn Gửi" in intact and "CA thử nghiệm của bộ kiểm thử" in intact
    assert "còn hiệu lực khi ký" in intact
    altered = _line(page, "bi-sua.pdf")
    assert 'class="signature-status altered"' in altered and "ĐÃ BỊ SỬA" in altered
    assert 'data-trusted="no"' in altered and "nguyên vẹn" not in altered
    assert "Không có chữ ký số" in _line(page, "chua-ky.pdf")
    for name in ("hong.pdf", "dut-doan.pdf"):
        assert "Không đọc được" in _line(page, name), name
    assert "signature-status" not in _line(page, "ghi-chu.txt")


def test_a_signature_from_an_authority_not_trusted_is_intact_but_not_trusted(world, client):
    union = direct_union(world)
    campaign = seed_campaign(world, [(union, 1)])
    files = dossier(campaign)
    files.attachments = _uploads(["da-ky.pdf"])
    nomination = nominate(
        actor=world.bob, campaign=campaign, from_unit=union, person=official(union),
        dossier=files, on=SUBMIT_ON,
    )  # fmt: skip
    client.force_login(world.bob)
    page = client.get(reverse("awards:nomination", args=[nomination.pk])).content.decode()
    line = _line(page, "da-ky.pdf")
    assert 'data-status="intact"' in line and 'data-trusted="no"' in line
    assert "không thuộc gốc tin cậy" in line and "✔" not in line


def test_a_root_added_later_checks_the_stored_files_again(world, client):
    """Checked before its authority was trusted, the signed file chains to a root once the
    administrator adds it (the worker checks the stored files again); the others stay as found."""
    union = direct_union(world)
    campaign = seed_campaign(world, [(union, 1)])
    files = dossier(campaign)
    files.attachments = _uploads(["da-ky.pdf", "bi-sua.pdf", "chua-ky.pdf"])
    nomination = nominate(
        actor=world.bob, campaign=campaign, from_unit=union, person=official(union),
        dossier=files, on=SUBMIT_ON,
    )  # fmt: skip
    client.force_login(world.bob)
    url = reverse("awards:nomination", args=[nomination.pk])
    assert 'data-trusted="no"' in _line(client.get(url).content.decode(), "da-ky.pdf")
    trust_root_add(actor=world.alice, data=_authority_der())  # the task runs at once in tests
    page = client.get(url).content.decode()
    line = _line(page, "da-ky.pdf")
    assert 'data-status="intact"' in line and 'data-trusted="yes"' in line and "✔" in line
    altered = _line(page, "bi-sua.pdf")
    assert 'data-status="altered"' in altered and 'data-trusted="no"' in altered
    assert "Không có chữ ký số" in _line(page, "chua-ky.pdf")


def test_adding_a_root_queues_one_recheck_of_the_files_not_trusted(world, monkeypatch):
    from congdoan.signing import rechecks, services

    queued = []

    class Task:
        enqueue = staticmethod(lambda **kwargs: queued.append(kwargs))

    monkeypatch.setattr(services, "recheck_pdfs", Task)
    trust_root_add(actor=world.alice, data=_authority_der())
    assert queued == [{"trusted": False}]
    assert rechecks.recheck_stored(trusted=False) == 0  # nothing stored yet: nothing read
