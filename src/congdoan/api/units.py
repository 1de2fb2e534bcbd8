"""units/ and units/{code}/: the tree as of a day, searched without tones."""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import generics, serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from congdoan.accounts.scope import scope_for
from congdoan.api import fields
from congdoan.api.fields import read_query
from congdoan.api.lookups import field_unit, path_unit
from congdoan.api.schema import read
from congdoan.api.views import ScopedList, list_schema
from congdoan.core.search import matching_words
from congdoan.core.text import search_tokens
from congdoan.org.models import Unit, UnitType, UnitVersion
from congdoan.org.selectors import children_on

TAGS = ["units"]


class UnitQuery(fields.QuerySerializer):
    q = fields.CharField(
        required=False,
        max_length=200,
        help_text=_(
            "Tìm theo mã hoặc tên (mọi tên đã có), không cần dấu / code or any name the unit "
            "ever had, tones ignored."
        ),
    )
    as_of = fields.DateField(
        required=False,
        help_text=_(
            "Ngày xem cây tổ chức (YYYY-MM-DD, mặc định hôm nay): chỉ đơn vị hoạt động ngày "
            "đó, tên và cấp trên của ngày đó / the day of the tree (default today)."
        ),
    )
    parent = fields.CharField(
        required=False,
        max_length=40,
        help_text=_("Mã đơn vị cấp trên trực tiếp (vào ngày xem) / the parent's code that day."),
    )
    type = fields.CharField(
        required=False,
        max_length=40,
        help_text=_("Mã loại đơn vị, ví dụ grassroots, district / the unit type's code."),
    )


class UnitItemSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("Mã đơn vị / the unit's code."))
    name = serializers.CharField(help_text=_("Tên vào ngày xem / the name on the day."))
    short_name = serializers.CharField(help_text=_("Tên viết tắt / the short name."))
    type = serializers.CharField(help_text=_("Mã loại đơn vị / the type's code."))
    type_name = serializers.CharField(help_text=_("Tên loại đơn vị / the type's name."))
    level = serializers.IntegerField(
        help_text=_("Cấp: 0 Tổng Liên đoàn … 3 công đoàn cơ sở / level: 0 … 3 grassroots.")
    )
    parent = serializers.CharField(
        allow_null=True, help_text=_("Mã đơn vị cấp trên vào ngày xem / the parent's code.")
    )
    established_on = serializers.DateField(help_text=_("Ngày thành lập / founded on."))
    ended_on = serializers.DateField(
        allow_null=True, help_text=_("Ngày kết thúc, nếu có / ended on, if it ended.")
    )


class VersionSerializer(serializers.Serializer):
    name = serializers.CharField(help_text=_("Tên / the name."))
    short_name = serializers.CharField(help_text=_("Tên viết tắt / the short name."))
    parent = serializers.CharField(allow_null=True, help_text=_("Mã cấp trên / parent's code."))
    valid_from = serializers.DateField(help_text=_("Hiệu lực từ / valid from."))
    valid_to = serializers.DateField(
        allow_null=True, help_text=_("Hiệu lực đến trước ngày / valid until (excluded).")
    )


class ChildSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("Mã đơn vị / the unit's code."))
    name = serializers.CharField(help_text=_("Tên vào ngày xem / the name on the day."))
    type = serializers.CharField(help_text=_("Mã loại đơn vị / the type's code."))
    children = serializers.IntegerField(help_text=_("Số đơn vị trực thuộc / direct children."))


class UnitDetailSerializer(UnitItemSerializer):
    as_of = serializers.DateField(help_text=_("Ngày xem / the day shown."))
    versions = VersionSerializer(many=True, help_text=_("Các phiên bản / every version."))
    children = ChildSerializer(many=True, help_text=_("Đơn vị trực thuộc vào ngày xem."))


def _version_on(versions: list[UnitVersion], day: date) -> UnitVersion:
    """The version valid on the day, or the unit's last one."""
    for version in versions:
        if version.valid_from <= day and (version.valid_to is None or day < version.valid_to):
            return version
    return versions[-1]


def unit_row(unit: Unit, version: UnitVersion) -> dict:
    return {
        "code": unit.code,
        "name": version.name,
        "short_name": version.short_name,
        "type": unit.unit_type.code,
        "type_name": unit.unit_type.name,
        "level": unit.unit_type.level,
        "parent": version.parent.code if version.parent_id else None,
        "established_on": unit.established_on,
        "ended_on": unit.ended_on,
    }


def unit_rows(units: list[Unit], day: date) -> list[dict]:
    """Each unit as of the day, with one query for the versions of the whole page."""
    versions: dict[int, list[UnitVersion]] = {}
    for version in (
        UnitVersion.objects.filter(unit__in=units).select_related("parent").order_by("valid_from")
    ):
        versions.setdefault(version.unit_id, []).append(version)
    return [unit_row(unit, _version_on(versions[unit.pk], day)) for unit in units]


@list_schema(
    _("Danh sách đơn vị / units"),
    _("Các đơn vị trong phạm vi của người dùng, theo mã / the units in the user's scope, by code."),
    UnitItemSerializer,
    UnitQuery,
    TAGS,
)
class UnitList(ScopedList):
    query_class = UnitQuery
    ordering = "code"

    def select(self, query: dict):
        self.day = query.get("as_of") or timezone.localdate()
        units = scope_for(self.request.user).units(Unit.objects.select_related("unit_type"))
        tokens = search_tokens(query.get("q", ""))
        if tokens:
            units = units.filter(matching_words(tokens))
        on_day = UnitVersion.objects.valid_on(self.day)
        if "as_of" in query:
            units = units.filter(pk__in=on_day.values("unit_id"))
        if query.get("parent"):
            parent = field_unit(self.request, query["parent"], "parent")
            units = units.filter(pk__in=on_day.filter(parent=parent).values("unit_id"))
        if query.get("type"):
            kind = UnitType.objects.filter(code=query["type"].strip()).first()
            if kind is None:
                raise ValidationError({"type": [_("Không có loại đơn vị mã này.")]})
            units = units.filter(unit_type=kind)
        return units

    def rows(self, page: list) -> list:
        return UnitItemSerializer(unit_rows(page, self.day), many=True).data


class DayQuery(fields.QuerySerializer):
    allowed_extra = ("lang",)
    as_of = fields.DateField(
        required=False, help_text=_("Ngày xem (YYYY-MM-DD, mặc định hôm nay) / the day shown.")
    )


class UnitDetail(generics.GenericAPIView):
    @read(
        _("Một đơn vị / one unit"),
        _(
            "Đơn vị với mọi phiên bản (tên, cấp trên theo thời gian) và các đơn vị trực thuộc "
            "vào ngày xem / the unit, its versions and its children on the day."
        ),
        UnitDetailSerializer,
        parameters=[DayQuery],
        tags=TAGS,
    )
    def get(self, request, code: str):
        day = read_query(DayQuery, request).get("as_of") or timezone.localdate()
        unit = path_unit(request, code)
        versions = list(unit.versions.select_related("parent").order_by("valid_from"))
        children = children_on(unit, day, scope_for(request.user))
        row = unit_row(unit, _version_on(versions, day))
        row["as_of"] = day
        row["versions"] = [
            {
                "name": v.name,
                "short_name": v.short_name,
                "parent": v.parent.code if v.parent_id else None,
                "valid_from": v.valid_from,
                "valid_to": v.valid_to,
            }
            for v in versions
        ]
        row["children"] = [
            {
                "code": v.unit.code,
                "name": v.name,
                "type": v.unit.unit_type.code,
                "children": v.child_count,
            }
            for v in children
        ]
        return Response(UnitDetailSerializer(row).data)
