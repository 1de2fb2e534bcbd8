"""reports/{unit_code}/summary/?from=&to=: the report JSON documented in the README
(schema_version 1), built by the same function as the page's summary.json and the command's
--json (reports/summary.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers as s
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from congdoan.api import fields
from congdoan.api.fields import read_query
from congdoan.api.lookups import path_unit
from congdoan.api.schema import read
from congdoan.reports.figures import build_report
from congdoan.reports.periods import parse_period
from congdoan.reports.summary import report_summary


def _shape(name: str, declared: dict) -> type:
    return type(name, (s.Serializer,), declared)


def _count(text) -> s.IntegerField:
    return s.IntegerField(help_text=text)


def _named_count(component: str, key: str, key_text, name_text, count_text) -> type:
    """A line of a count by kind: its code (under `key`), its name and the count."""
    return _shape(
        component,
        {
            key: s.CharField(help_text=key_text),
            "name": s.CharField(help_text=name_text),
            "count": _count(count_text),
        },
    )


def _number(text) -> s.IntegerField:
    return s.IntegerField(allow_null=True, help_text=text)


ReportUnit = _shape(
    "ReportUnit",
    {
        "code": s.CharField(help_text=_("Mã đơn vị / unit code.")),
        "name": s.CharField(help_text=_("Tên vào ngày cơ cấu / name on the structure day.")),
        "type": s.CharField(help_text=_("Loại đơn vị / unit type.")),
        "established_on": s.DateField(help_text=_("Ngày thành lập / founded on.")),
        "ended_on": s.DateField(allow_null=True, help_text=_("Ngày kết thúc / ended on.")),
    },
)
ReportPeriod = _shape(
    "ReportPeriod",
    {
        "from": s.DateField(help_text=_("Từ ngày / from.")),
        "to": s.DateField(help_text=_("Đến ngày (tính cả) / to (included).")),
        "label": s.CharField(help_text=_("Tên kỳ, ví dụ “9 tháng đầu năm 2020” / its name.")),
    },
)
ReportMembers = _shape(
    "ReportMembers",
    {
        "total": _count(_("Đoàn viên ngày cơ cấu / members on the structure day.")),
        "women": _count(_("Nữ / women.")),
        "party_members": _count(_("Đảng viên / Party members.")),
        "admitted": _count(_("Kết nạp trong kỳ / admitted in the period.")),
        "left": _count(_("Rời tổ chức trong kỳ / left in the period.")),
    },
)
SectorCount = _named_count(
    "SectorCount",
    "code",
    _("Mã khu vực / sector code."),
    _("Tên khu vực / sector name."),
    _("Số công đoàn cơ sở / grassroots unions."),
)
ReportGrassroots = _shape(
    "ReportGrassroots",
    {
        "total": _count(_("Công đoàn cơ sở ngày cơ cấu / grassroots unions.")),
        "established": _count(_("Thành lập trong kỳ / established in the period.")),
        "ended": _count(_("Giải thể trong kỳ / ended in the period.")),
        "by_sector": SectorCount(many=True, help_text=_("Theo khu vực / by sector.")),
    },
)
ReportReferrals = _shape(
    "ReportReferrals",
    {
        "introduced": _count(_("Giới thiệu cho Đảng / referred to the Party.")),
        "admitted": _count(_("Được kết nạp Đảng / admitted to the Party.")),
    },
)
ReportActivity = _shape(
    "ReportActivity",
    {
        "type": s.CharField(help_text=_("Mã loại hoạt động / activity type code.")),
        "name": s.CharField(help_text=_("Tên loại hoạt động / activity type name.")),
        "count": _count(_("Số hoạt động / number of activities.")),
        "people": _number(_("Số người (null nếu loại không có) / people, or null.")),
        "money": _number(_("Số tiền, đồng (null nếu loại không có) / money in đồng, or null.")),
        "quantity": _number(_("Số lượng thứ hai (null nếu không có) / a second count, or null.")),
    },
)
ReportTarget = _shape(
    "ReportTarget",
    {
        "metric": s.CharField(help_text=_("Chỉ tiêu, ví dụ members.admitted / the figure.")),
        "label": s.CharField(help_text=_("Tên chỉ tiêu / its label.")),
        "from": s.DateField(help_text=_("Từ ngày / from.")),
        "to": s.DateField(help_text=_("Đến ngày / to.")),
        "basis": s.CharField(help_text=_("Căn cứ giao / the basis.")),
        "target": _count(_("Mức chỉ tiêu / the target.")),
        "actual": _number(_("Kết quả / the actual figure.")),
        "percent": s.FloatField(allow_null=True, help_text=_("Tỷ lệ đạt, % / percent reached.")),
    },
)
ReportChild = _shape(
    "ReportChild",
    {
        "code": s.CharField(help_text=_("Mã đơn vị / unit code.")),
        "name": s.CharField(help_text=_("Tên / name.")),
        "type": s.CharField(help_text=_("Loại / type.")),
        "members": _count(_("Đoàn viên / members.")),
        "admitted": _count(_("Kết nạp / admitted.")),
        "grassroots": _count(_("Công đoàn cơ sở / grassroots unions.")),
        "activities": _count(_("Hoạt động / activities.")),
    },
)
QualityClass = _named_count(
    "QualityClass",
    "class",
    _("Mã xếp loại / class code."),
    _("Tên xếp loại / class name."),
    _("Số công đoàn cơ sở / unions."),
)
ReportEmulation = _shape(
    "ReportEmulation",
    {
        "rating_years": s.ListField(
            child=s.IntegerField(), help_text=_("Các năm xếp loại / rating years.")
        ),
        "quality_classes": QualityClass(many=True, help_text=_("Xếp loại chất lượng.")),
    },
)
AwardCount = _shape(
    "AwardCount",
    {
        "title": s.CharField(help_text=_("Danh hiệu / title.")),
        "count": _count(_("Số lượt khen / awards.")),
    },
)
MoneyTally = _shape(
    "MoneyTally",
    {
        "collected": _count(_("Đã thu, đồng / collected, in đồng.")),
        "kept": _count(_("Phần công đoàn cơ sở giữ lại / the grassroots share.")),
        "remitted": _count(_("Đã chuyển giữa các cấp / passed between the levels.")),
        "owed": _count(_("Còn phải chuyển / still owed between the levels.")),
        "late": _count(_("Chuyển chậm hoặc quá hạn chưa chuyển / passed late or overdue.")),
    },
)
ReportDues = _shape(
    "ReportDues",
    {
        "dues": MoneyTally(help_text=_("Đoàn phí công đoàn / members' dues.")),
        "levy": MoneyTally(help_text=_("Kinh phí công đoàn / the employers' levy.")),
    },
)
STATES = ("normal", "ended_during", "ended_before", "not_yet")
ReportSummary = _shape(
    "ReportSummary",
    {
        "schema_version": s.IntegerField(help_text=_("Phiên bản cấu trúc: 1 / schema version.")),
        "unit": ReportUnit(help_text=_("Đơn vị báo cáo / the unit.")),
        "period": ReportPeriod(help_text=_("Kỳ báo cáo / the period.")),
        "state": s.ChoiceField(
            choices=STATES,
            help_text=_(
                "normal; ended_during (số liệu đến ngày cuối); ended_before, not_yet (không có "
                "số liệu) / the unit's state over the period."
            ),
        ),
        "structure_day": s.DateField(help_text=_("Ngày lấy cơ cấu / the structure day.")),
        "members": ReportMembers(help_text=_("Đoàn viên / members.")),
        "grassroots": ReportGrassroots(help_text=_("Công đoàn cơ sở / grassroots unions.")),
        "party_referrals": ReportReferrals(help_text=_("Giới thiệu cho Đảng / Party referrals.")),
        "activities": ReportActivity(many=True, help_text=_("Hoạt động / activities.")),
        "targets": ReportTarget(many=True, help_text=_("Chỉ tiêu / targets.")),
        "children": ReportChild(many=True, help_text=_("Cấp dưới trực tiếp / the next level.")),
        "emulation": ReportEmulation(help_text=_("Thi đua / emulation.")),
        "awards": AwardCount(many=True, help_text=_("Khen thưởng / awards.")),
        "dues": ReportDues(help_text=_("Đoàn phí, kinh phí công đoàn / dues and the levy.")),
        "narrative": s.CharField(help_text=_("Đoạn nhận xét / the narrative paragraph.")),
    },
)
PeriodQuery = type(
    "PeriodQuery",
    (fields.QuerySerializer,),
    {
        "allowed_extra": ("lang",),
        "from": fields.DateField(help_text=_("Từ ngày (YYYY-MM-DD) / from.")),
        "to": fields.DateField(help_text=_("Đến ngày, tính cả (YYYY-MM-DD) / to, included.")),
    },
)


class ReportSummaryView(GenericAPIView):
    @read(
        _("Báo cáo tổng hợp / the summary report"),
        _(
            "Báo cáo của cả cây bên dưới đơn vị trong kỳ (cơ cấu của ngày cuối kỳ), đúng như "
            "JSON mô tả trong README (schema_version 1) / the report of the unit's subtree for "
            "the period, exactly the JSON the README documents."
        ),
        ReportSummary,
        parameters=[PeriodQuery],
        tags=["reports"],
    )
    def get(self, request, unit_code: str):
        query = read_query(PeriodQuery, request)
        try:
            start, end = parse_period(query["from"].isoformat(), query["to"].isoformat())
        except ValueError as error:
            raise ValidationError({"to": [str(error)]}) from None
        unit = path_unit(request, unit_code)
        return Response(report_summary(build_report(unit, start, end)))
