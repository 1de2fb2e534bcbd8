"""The six-month or year-end report of a unit (báo cáo sơ kết / tổng kết) as a union paper:
figures in tables, section by section, and the narrative paragraph; Word and PDF through
`congdoan.core.documents`."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _

from congdoan.core.documents import Heading, Paragraph, Signature, Table, UnionDocument
from congdoan.core.text import format_date, format_number
from congdoan.emulation.covenant_doc import chair_of
from congdoan.reports.figures import Report
from congdoan.reports.money import money_label, money_words
from congdoan.reports.narrative import narrative
from congdoan.reports.periods import review_kind


def _n(value) -> str:
    return "—" if value is None else format_number(value)


Section = tuple[str, list[str], list[list[str]]]


def _figure() -> list[str]:
    return [_("Chỉ số"), _("Số lượng")]


def sections(report: Report) -> list[Section]:
    """(title, headers, rows) of each section; the workbook has one sheet per section."""
    return [
        _members(report),
        _grassroots(report),
        _referrals(report),
        _activities(report),
        _targets(report),
        _recognition(report),
        _care(report),
        _children(report),
    ]


def _members(report: Report) -> Section:
    members, period = report.members, report.period
    rows = [
        [_("Tổng số đoàn viên cuối kỳ"), _n(members.members)],
        [_("Trong đó nữ"), _n(members.women)],
        [_("Trong đó đảng viên"), _n(members.party_members)],
        [_("Kết nạp mới trong kỳ"), _n(period.admitted)],
        [_("Rời tổ chức trong kỳ"), _n(period.left)],
    ]
    return _("Đoàn viên"), _figure(), rows


def _grassroots(report: Report) -> Section:
    period = report.period
    rows = [
        [_("Tổng số công đoàn cơ sở cuối kỳ"), _n(report.grassroots_total)],
        [_("Thành lập mới trong kỳ"), _n(period.grassroots_established)],
        [_("Kết thúc hoạt động trong kỳ"), _n(period.grassroots_ended)],
    ]
    rows += [[_("Khu vực: %(name)s") % {"name": name}, _n(n)] for _c, name, n in report.by_sector]
    return _("Công đoàn cơ sở"), _figure(), rows


def _referrals(report: Report) -> Section:
    rows = [
        [_("Đoàn viên ưu tú được giới thiệu"), _n(report.period.referred)],
        [_("Được kết nạp vào Đảng"), _n(report.period.referrals_admitted)],
        [_("Cán bộ công đoàn được giới thiệu để cấp ủy quy hoạch"), _n(report.planning_introduced)],
    ]
    return _("Giới thiệu cho Đảng"), _figure(), rows


def _activities(report: Report) -> Section:
    headers = [_("Loại hoạt động"), _("Số hoạt động"), _("Số liệu")]
    rows = [[line.kind.name, _n(line.count), _measures_text(line)] for line in report.activities]
    return _("Hoạt động"), headers, rows


def _targets(report: Report) -> Section:
    headers = [_("Chỉ tiêu"), _("Kỳ"), _("Mức giao"), _("Thực hiện"), _("Tỷ lệ")]
    rows = [
        [
            line.label,
            f"{format_date(line.starts_on)}–{format_date(line.ends_on)}",
            _n(line.target),
            _n(line.actual),
            "—" if line.percent is None else f"{format_number(line.percent, 1)}%",
        ]
        for line in report.targets
    ]
    return _("Chỉ tiêu"), headers, rows


def _recognition(report: Report) -> Section:
    years = ", ".join(str(year) for year in report.rating_years)
    rows = [
        [_("Xếp loại CĐCS năm %(years)s: %(name)s") % {"years": years, "name": name}, _n(n)]
        for _code, name, n in report.ratings
    ]
    rows += [[_("Khen thưởng: %(title)s") % {"title": title}, _n(n)] for title, n in report.awards]
    return _("Thi đua, khen thưởng"), _figure(), rows


def _care(report: Report) -> Section:
    """The care programmes that ended in the period: people, supports, money by source and by
    the level of the union that gave."""
    care = report.care
    if not care["people"]:
        return _("Chăm lo đoàn viên, người lao động"), _figure(), []
    rows = [
        [_("Lượt người được hỗ trợ"), _n(care["people"])],
        [_("Suất hỗ trợ ghi theo danh sách"), _n(care["supports"])],
        [_("Tổng số tiền"), money_words(care["money"])],
    ]
    rows += [
        [_("Nguồn: %(name)s") % {"name": line["name"]}, money_words(line["money"])]
        for line in care["by_source"]
        if line["money"]
    ]
    rows += [
        [
            _("Cấp: %(name)s") % {"name": line["name"]},
            _("%(people)s người, %(money)s")
            % {"people": _n(line["people"]), "money": money_words(line["money"])},
        ]
        for line in care["by_level"]
    ]
    return _("Chăm lo đoàn viên, người lao động"), _figure(), rows


def _children(report: Report) -> Section:
    headers = [_("Đơn vị"), _("Đoàn viên"), _("Kết nạp"), _("CĐCS"), _("Hoạt động")]
    rows = [
        [line.name, *(_n(v) for v in (line.members, line.admitted, line.grassroots))]
        + [_n(line.activities)]
        for line in report.children
    ]
    return _("Đơn vị trực thuộc"), headers, rows


def _measures_text(line) -> str:
    parts = []
    for name, label, value in line.measures():
        if name == "money":
            label, shown = money_label(label), money_words(value)
        else:
            shown = format_number(value)
        parts.append(f"{label}: {shown}")
    return "; ".join(parts)


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


KIND_CODE = "BC"


def report_document(report: Report, *, dated: date, number: str = "") -> UnionDocument:
    """The report dated and numbered as the officer chose ("Số: 12/BC-LĐLĐ")."""
    blocks = [Heading(_("Tóm tắt")), Paragraph(narrative(report))]
    for roman, (title, headers, rows) in zip(ROMAN, sections(report), strict=False):
        blocks.append(Heading(f"{roman}. {title}"))
        blocks.append(Table(headers=headers, rows=rows) if rows else Paragraph(_("Không có.")))
    parent = report.version.parent
    return UnionDocument(
        parent_body=(_parent_name(report) or "").upper(),
        issuer=report.name.upper(),
        kind=_("BÁO CÁO"),
        subject=review_kind(report.start, report.end),
        dated=dated,
        number=number,
        blocks=blocks,
        signature=Signature(
            on_behalf=_("TM. BAN THƯỜNG VỤ"),
            title=_("CHỦ TỊCH"),
            name=chair_of(report.unit, dated) if report.unit.ended_on is None else "",
        ),
        recipients=[_("Như trên"), _("Lưu VT")] if parent is None else [_("Lưu VT")],
    )


def _parent_name(report: Report) -> str:
    parent = report.version.parent
    if parent is None:
        return ""
    version = parent.versions.order_by("-valid_from").first()
    return version.short_name or version.name
