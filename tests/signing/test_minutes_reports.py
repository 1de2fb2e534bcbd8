# ruff: noqa: F811 - the fixtures before_council and signing_hn are imported
"""The council's minutes and a unit's reports issued as signed papers (issue 16): signed with the
unit's certificate by a named signer through the same path as a decision, stored unchanged with
their hash, the box where the paper signs; downloads serve the stored file; refusals leave
nothing issued; outside the unit's scope nothing is found."""

from __future__ import annotations

import hashlib
import io
from datetime import date

from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from congdoan.audit.models import AuditEntry
from congdoan.awards.services.council import council_close, score_give
from congdoan.core.documents import pdf_text
from congdoan.reports.models import IssuedReport
from congdoan.signing import pades
from congdoan.signing.models import PaperKind, SignedPaper, SigningCertificate
from congdoan.signing.selectors import paper
from tests.activities.helpers import record
from tests.awards.test_cycle import COUNCIL_DAY, _scored_and_closed, before_council  # noqa: F401
from tests.papers.render import placed, pngs
from tests.signing.helpers import authority
from tests.signing.test_issuing import signing_hn  # noqa: F401 - fixture


def _widget(data: bytes) -> tuple[int, list[float]]:
    """The page and rectangle of the PDF's signature field."""
    for index, page in enumerate(PdfReader(io.BytesIO(data)).pages):
        for annotation in page.get("/Annots") or []:
            found = annotation.get_object()
            if found.get("/Subtype") == "/Widget":
                return index, [float(v) for v in found["/Rect"]]
    raise AssertionError("no signature field")


def _box_under(data: bytes, heading: str) -> None:
    """The signature field sits under the signature block's heading, inside the page, and no
    text of the paper but the box's own lines runs across it."""
    index, (x1, y1, x2, y2) = _widget(data)
    page = placed(data)[index]
    assert 0 < x1 < x2 <= page.width and 0 < y1 < y2 <= page.height
    above = [y for y, text in page.texts if heading in text]
    assert above and min(above) > y2, (above, y2)
    box_lines = ("Đã ký số", "Người ký", "Chức vụ", "Đơn vị", "Thời gian")
    inside = [t for y, t in page.texts if y1 < y < y2 and not t.strip().startswith(box_lines)]
    # the left half of the closing row (recipients) may share the box's height, never its place
    assert all(x1 > page.width / 2 for _ in inside), inside


def _assert_signed(stored: SignedPaper, name: str) -> bytes:
    data = bytes(stored.data)
    assert stored.signed and stored.sha256 == hashlib.sha256(data).hexdigest()
    finding = pades.check_bytes(data, [authority().der])
    assert (finding.status, finding.trusted) == (pades.Status.INTACT, True)
    assert finding.signer == "Nguyễn Văn Ký"  # the certificate's holder
    assert f"Người ký: {name}" in pdf_text(data)
    return data


def _outsider(world):
    from congdoan.accounts.models import RoleKind
    from tests.factories import user_with_role

    return user_with_role("danang", RoleKind.FEDERATION, world.dn)


# The council's minutes


def test_minutes_closed_by_the_secretary_wait_as_a_draft_then_a_signer_signs_them(
    signing_hn, before_council, client
):
    world = signing_hn
    _scored_and_closed(world, *before_council)  # erin, the secretary, closes: no signer
    campaign = before_council[0]
    assert paper(PaperKind.MINUTES, campaign.pk) is None
    client.force_login(world.bob)
    pdf_url = reverse("awards:minutes", args=[campaign.pk, "pdf"])
    draft = client.get(pdf_url).content
    assert "DỰ THẢO" in pdf_text(draft)
    council_url = reverse("awards:council", args=[campaign.pk])
    assert 'id="minutes-sign"' in client.get(council_url).content.decode()
    answer = client.post(reverse("awards:minutes_sign", args=[campaign.pk]), follow=True)
    assert "Đã ký số biên bản họp hội đồng." in answer.content.decode()
    stored = paper(PaperKind.MINUTES, campaign.pk)
    data = _assert_signed(stored, "Nguyễn Phi Thường")
    text = " ".join(pdf_text(data).split())
    assert "BIÊN BẢN" in text and "TM. HỘI ĐỒNG CHỦ TỊCH" in text and "DỰ THẢO" not in text
    _box_under(data, "CHỦ TỊCH")
    pngs("minutes-signed", data)
    assert client.get(pdf_url).content == data  # the stored file, byte for byte
    docx = client.get(reverse("awards:minutes", args=[campaign.pk, "docx"]))
    assert docx.status_code == 200 and docx.content[:2] == b"PK"  # the working copy
    page = client.get(council_url).content.decode()
    assert 'id="minutes-signed"' in page and 'data-status="intact"' in page
    assert 'id="minutes-sign"' not in page and stored.sha256 in page
    again = client.post(reverse("awards:minutes_sign", args=[campaign.pk]), follow=True)
    assert "đã được ký" in again.content.decode()
    assert SignedPaper.objects.filter(kind=PaperKind.MINUTES).count() == 1


def test_minutes_closed_by_a_signer_are_signed_as_the_round_closes(signing_hn, before_council):
    world = signing_hn
    campaign, rows, gia = before_council
    for nomination, points in zip(rows, (90, 80, 70), strict=True):
        score_give(actor=world.erin, nomination=nomination, points=points, on=COUNCIL_DAY)
        score_give(actor=gia, nomination=nomination, points=points, on=COUNCIL_DAY)
    council_close(actor=world.bob, campaign=campaign, on=COUNCIL_DAY)
    stored = paper(PaperKind.MINUTES, campaign.pk)
    data = _assert_signed(stored, "Nguyễn Phi Thường")
    assert "90,00" in pdf_text(data)


def test_minutes_are_not_signed_by_someone_not_named_nor_with_an_expired_certificate(
    signing_hn, before_council, client
):
    world = signing_hn
    _scored_and_closed(world, *before_council)
    campaign = before_council[0]
    sign_url = reverse("awards:minutes_sign", args=[campaign.pk])
    client.force_login(world.alice)  # may organise, not named to sign
    assert (
        "không có tên trong danh sách người ký"
        in client.post(sign_url, follow=True).content.decode()
    )
    SigningCertificate.objects.update(not_after=timezone.now())
    client.force_login(world.bob)
    assert "hết hạn" in client.post(sign_url, follow=True).content.decode()
    for user in (world.erin, world.frank):  # the council and a viewer do not sign
        client.force_login(user)
        assert client.post(sign_url).status_code == 403
    client.force_login(_outsider(world))  # Đà Nẵng: not found
    assert client.post(sign_url).status_code == 404
    assert not SignedPaper.objects.exists()


def test_minutes_of_an_organiser_without_a_certificate_stay_as_they_were(
    world, before_council, client
):
    _scored_and_closed(world, *before_council)
    campaign = before_council[0]
    client.force_login(world.bob)
    data = client.get(reverse("awards:minutes", args=[campaign.pk, "pdf"])).content
    assert "DỰ THẢO" not in pdf_text(data) and not SignedPaper.objects.exists()
    assert (
        'id="minutes-sign"'
        not in client.get(reverse("awards:council", args=[campaign.pk])).content.decode()
    )


# The reports a unit issues

PERIOD = {"from": "2020-01-01", "to": "2020-12-31"}


def _issue(client, unit, *, number="12", dated="05/01/2021", **period):
    url = reverse("reports:issue", args=[unit.pk])
    typed = {"issue-number": number, "issue-dated": dated}
    return client.post(url, {**PERIOD, **period, **typed}, follow=True)


def test_an_issued_report_is_signed_stored_listed_and_never_changes(signing_hn, client):
    world = signing_hn
    client.force_login(world.bob)
    answer = _issue(client, world.hn).content.decode()
    assert "Đã ban hành Báo cáo số 12/BC-LĐLĐ." in answer
    issued = IssuedReport.objects.get()
    assert (issued.number, issued.dated) == ("12/BC-LĐLĐ", date(2021, 1, 5))
    assert (issued.starts_on, issued.ends_on) == (date(2020, 1, 1), date(2020, 12, 31))
    data = _assert_signed(issued.paper, "Nguyễn Phi Thường")
    text = " ".join(pdf_text(data).split())
    assert "Số: 12/BC-LĐLĐ" in text and "ngày 05 tháng 01 năm 2021" in text
    _box_under(data, "CHỦ TỊCH")
    pngs("report-signed", data)
    assert "issued-reports" in answer and issued.paper.sha256[:16] in answer
    assert "Đã ký số: Nguyễn Phi Thường (Chủ tịch)" in answer
    download = reverse("reports:issued", args=[issued.pk])
    assert client.get(download).content == data
    live = reverse("reports:download", args=[world.hn.pk, "pdf"])
    before = pdf_text(client.get(live, {**PERIOD, "number": "12"}).content)
    record(
        world.alice, world.g1, "care", date(2020, 6, 1), people=3, money=1_000_000
    )  # a record later
    after = pdf_text(client.get(live, {**PERIOD, "number": "12"}).content)
    assert before != after  # the live report follows the records…
    issued.paper.refresh_from_db()
    assert client.get(download).content == data == bytes(issued.paper.data)  # …the issued not
    assert issued.paper.sha256 == hashlib.sha256(data).hexdigest()
    entry = AuditEntry.objects.get(action="reports.issue")
    assert entry.target == "12/BC-LĐLĐ" and entry.after["sha256"] == issued.paper.sha256


def test_a_report_number_is_used_once_per_unit_and_must_be_given(signing_hn, client):
    world = signing_hn
    client.force_login(world.bob)
    _issue(client, world.hn)
    again = _issue(client, world.hn, number="12/BC-LĐLĐ").content.decode()
    assert "đã dùng cho báo cáo ban hành ngày 05/01/2021" in again
    assert (
        "Ghi số báo cáo trước khi ban hành" in _issue(client, world.hn, number=" ").content.decode()
    )
    refused = _issue(client, world.hn, dated="32/13/2020").content.decode()
    assert "Ngày ban hành phải có dạng dd/mm/yyyy" in refused  # named as the box is labelled
    assert "Ngày văn bản phải" not in refused
    assert "Kỳ báo cáo không hợp lệ" in _issue(client, world.hn, to="2019-01-01").content.decode()
    assert IssuedReport.objects.count() == 1 and SignedPaper.objects.count() == 1


def test_a_refused_issue_returns_with_what_was_typed(signing_hn, client):
    """The boxes keep the number and date typed, the error beside the one at fault."""
    world = signing_hn
    client.force_login(world.bob)
    refused = _issue(client, world.hn, number="15", dated="32/13/2020").content.decode()
    form = refused[refused.index('id="report-issue"') :]
    assert 'value="15"' in form and 'value="32/13/2020"' in form
    assert 'class="msg error">Ngày ban hành phải có dạng dd/mm/yyyy' in form
    _issue(client, world.hn)
    again = _issue(client, world.hn, number="12", dated="06/01/2021").content.decode()
    form = again[again.index('id="report-issue"') :]
    assert "đã dùng cho báo cáo ban hành" in again
    assert 'value="12"' in form and 'value="06/01/2021"' in form
    assert IssuedReport.objects.count() == 1 and SignedPaper.objects.count() == 1


def test_a_report_is_refused_to_someone_not_named_or_with_an_expired_certificate(
    signing_hn, client
):
    world = signing_hn
    client.force_login(world.alice)  # keeps every unit, not named to sign for HN
    assert "không có tên trong danh sách người ký" in _issue(client, world.hn).content.decode()
    SigningCertificate.objects.update(not_after=timezone.now())
    client.force_login(world.bob)
    assert "hết hạn" in _issue(client, world.hn).content.decode()
    client.force_login(world.frank)  # reads HN, keeps nothing
    assert client.post(reverse("reports:issue", args=[world.hn.pk]), PERIOD).status_code == 403
    assert not IssuedReport.objects.exists() and not SignedPaper.objects.exists()


def test_a_unit_without_a_certificate_issues_its_report_unsigned(world, client):
    client.force_login(world.bob)
    assert "Đã ban hành" in _issue(client, world.hn).content.decode()
    issued = IssuedReport.objects.get()
    assert not issued.paper.signed
    assert pades.check_bytes(bytes(issued.paper.data), []).status == pades.Status.UNSIGNED
    page = client.get(reverse("reports:report", args=[world.hn.pk]), PERIOD).content.decode()
    assert "Không có chữ ký số" in page


def test_outside_the_unit_an_issued_report_is_not_found(signing_hn, client):
    world = signing_hn
    client.force_login(world.bob)
    _issue(client, world.hn)
    issued = IssuedReport.objects.get()
    client.force_login(world.dana)  # G1 only
    assert client.get(reverse("reports:issued", args=[issued.pk])).status_code == 404
    assert client.post(reverse("reports:issue", args=[world.hn.pk]), PERIOD).status_code == 404
    assert IssuedReport.objects.count() == 1
