"""The papers of a campaign in the union layout (933/QĐ-TLĐ): the council's minutes, the decision
with its list of awardees, and one certificate per award with a QR code to the public check."""

from __future__ import annotations

from datetime import date

import segno
from django.template.loader import render_to_string

from congdoan.awards.models import Award, AwardDecision, Campaign, DecisionKind, TitleKind
from congdoan.core.dates import today
from congdoan.core.documents import (
    MOTTO,
    NATION,
    Heading,
    Paragraph,
    Placement,
    Signature,
    SignatureMark,
    Table,
    UnionDocument,
    pdf_with_placement,
)
from congdoan.core.text import document_date_line, format_date, format_number
from congdoan.org.models import Unit, UnitVersion


def _names(unit: Unit, day: date) -> tuple[str, str]:
    version = UnitVersion.objects.valid_on(day).filter(unit=unit).select_related("parent").first()
    if version is None:
        return "", unit.code
    parent = UnitVersion.objects.valid_on(day).filter(unit_id=version.parent_id).first()
    upper = (parent.short_name or parent.name) if parent else ""
    return upper.upper(), version.name.upper()


def _unit_names(unit_ids: set[int], day: date) -> dict[int, str]:
    rows = UnitVersion.objects.valid_on(day).filter(unit_id__in=unit_ids)
    return dict(rows.values_list("unit_id", "name"))


def minutes_document(campaign: Campaign, rows) -> UnionDocument:
    day = campaign.council_closed_on or today()
    parent, issuer = _names(campaign.organiser, day)
    table = Table(
        [
            "TT",
            "Họ và tên / đơn vị",
            "Điểm bình quân",
            "Số phiếu chấm",
            "Rút (xung đột)",
            "Kết quả",
        ],
        [
            [
                str(row.rank or i),
                row.nominee_name,
                format_number(row.mean, 2) if row.mean is not None else "—",
                str(row.scored),
                str(row.recusals),
                row.get_status_display(),
            ]
            for i, row in enumerate(rows, start=1)
        ],
    )
    return UnionDocument(
        parent_body=parent,
        issuer=issuer,
        kind="BIÊN BẢN",
        subject=f"Họp Hội đồng thi đua – khen thưởng xét {campaign.name}",
        dated=day,
        blocks=[
            Paragraph(
                f"Hội đồng gồm {campaign.council.count()} thành viên; thang điểm "
                f"{campaign.score_max}; chỉ tiêu {format_number(campaign.quota)}. Thành viên "
                "tự rút do xung đột lợi ích không được tính vào điểm bình quân."
            ),
            table,
        ],
        signature=Signature("TM. HỘI ĐỒNG", "CHỦ TỊCH"),
    )


def decision_document(made: AwardDecision) -> UnionDocument:
    campaign, decision = made.campaign, made.decision
    parent, issuer = _names(made.issuer, decision.signed_on)
    awards = list(
        (made.awards if made.kind == DecisionKind.AWARD else made.revoked)
        .select_related("person")
        .order_by("nomination__sort_key", "pk")
    )
    wanted = {a.nominating_unit_id for a in awards} | {a.unit_id for a in awards if a.unit_id}
    names = _unit_names(wanted, decision.signed_on)
    rows = [
        [
            str(i),
            a.person.full_name if a.person_id else names.get(a.unit_id, ""),
            names.get(a.nominating_unit_id, ""),
        ]
        for i, a in enumerate(awards, start=1)
    ]
    if made.kind == DecisionKind.AWARD:
        subject = f"Về việc tặng danh hiệu “{campaign.title.name}” năm {campaign.year}"
        article = (
            f"Điều 1. Tặng danh hiệu “{campaign.title.name}” năm {campaign.year} cho "
            f"{format_number(len(awards))} cá nhân, tập thể có tên trong danh sách."
        )
    else:
        subject = f"Về việc thu hồi danh hiệu “{campaign.title.name}”"
        article = f"Điều 1. Thu hồi danh hiệu đã tặng. Lý do: {decision.reason}"
    return UnionDocument(
        parent_body=parent,
        issuer=issuer,
        kind="QUYẾT ĐỊNH",
        subject=subject,
        dated=decision.signed_on,
        number=decision.number,
        blocks=[
            Paragraph(
                f"Căn cứ kết quả xét của Hội đồng thi đua – khen thưởng đợt {campaign.name}."
            ),
            Heading("QUYẾT ĐỊNH:"),
            Paragraph(article),
            Paragraph(
                "Điều 2. Các đơn vị và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành "
                "quyết định này."
            ),
            Heading("DANH SÁCH"),
            Table(["TT", "Họ và tên / tập thể", "Đơn vị đề nghị"], rows),
        ],
        signature=Signature("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", decision.signer),
        recipients=["Như Điều 2", "Lưu VP"],
    )


def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=3)


def certificate_context(award: Award, verify_url: str) -> dict:
    """What the certificate prints: issuer and motto, title, the awardee and their union, the
    merit, the decision, place and date, the signer with the seal's place, the QR to check it."""
    decision = award.decision.decision
    day = decision.signed_on
    parent, issuer = _names(award.decision.issuer, day)
    title, campaign = award.title, award.campaign
    is_form = title.kind == TitleKind.FORM
    issuer_id = award.decision.issuer_id
    names = _unit_names({award.nominating_unit_id, issuer_id}, day)
    if award.person_id:
        lead = "Tặng đồng chí" if is_form else "Chứng nhận đồng chí"
        union = names.get(award.nominating_unit_id, "")
    else:
        lead = "Tặng tập thể" if is_form else "Chứng nhận tập thể"
        upper, _own = _names(award.unit, day) if award.unit_id else ("", "")
        union = f"Trực thuộc {upper}" if upper else ""
    return {
        "award": award,
        "decision": decision,
        "nation": NATION,
        "motto": MOTTO,
        "parent": parent,
        "issuer": issuer,
        "heading": title.name.upper() if is_form else "GIẤY CHỨNG NHẬN",
        "award_title": "" if is_form else f"Danh hiệu “{title.name}” năm {campaign.year}",
        "lead": lead,
        "union": union,
        "merit": f"Đã có thành tích xuất sắc trong {campaign.name}.",
        "basis": (
            f"(Theo Quyết định số {decision.number} ngày {format_date(day)} "
            f"của {names.get(issuer_id, issuer)})"
        ),
        "date_line": document_date_line("Hà Nội", day),
        "on_behalf": "TM. BAN THƯỜNG VỤ",
        "signer_title": "CHỦ TỊCH",
        "seal_text": "(Ký tên, đóng dấu)",
        "verify_text": "Quét mã QR hoặc mở địa chỉ dưới đây để kiểm tra giấy chứng nhận:",
        "verify_url": verify_url,
        "qr": segno.make(verify_url, error="m").png_data_uri(scale=6, border=1),
    }


def certificate_pdf(award: Award, verify_url: str) -> bytes:
    """One page, A4 landscape."""
    return certificate_placed(award, verify_url)[0]


def certificate_placed(
    award: Award, verify_url: str, mark: SignatureMark | None = None
) -> tuple[bytes, Placement | None]:
    """The certificate, with the digital signature's box in the seal's place (given a mark)."""
    context = certificate_context(award, verify_url) | {"mark": mark}
    return pdf_with_placement(render_to_string("awards/certificate_pdf.html", context))
