"""activities/ (list, record) and targets/: the activity register through activities/services.py
and its selectors, as the pages read and write it."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers as s
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from congdoan.accounts.scope import scope_for
from congdoan.activities.metrics import metric_choices
from congdoan.activities.models import Activity, ActivityType, Target
from congdoan.activities.selectors import (
    activities_under,
    scoped_activities,
    with_version_of_the_day,
)
from congdoan.activities.services import ActivityInput, activity_record
from congdoan.api import fields
from congdoan.api.idempotency import idempotent
from congdoan.api.lookups import field_unit
from congdoan.api.schema import write
from congdoan.api.views import ScopedList, list_schema
from congdoan.core.params import FIRST_DAY, LAST_DAY
from congdoan.org.selectors import display_version, state_of

TAGS = ["activities"]
NUMBER_TEXT = {
    "people": _("Số người (nếu loại có) / people, if the type counts them."),
    "money": _("Số tiền, đồng (nếu loại có) / money in đồng, if the type counts it."),
    "quantity": _("Số lượng thứ hai (nếu loại có) / a second count, if the type has one."),
}


ActivityQuery = type(
    "ActivityQuery",
    (fields.QuerySerializer,),
    {
        "unit": fields.CharField(
            required=False,
            max_length=40,
            help_text=_(
                "Mã đơn vị: hoạt động của cả cây bên dưới, theo cơ cấu ngày diễn ra / a unit "
                "code: its subtree as it stood on each activity's day."
            ),
        ),
        "type": fields.CharField(
            required=False, max_length=40, help_text=_("Mã loại hoạt động / activity type code.")
        ),
        "from": fields.DateField(required=False, help_text=_("Từ ngày / from.")),
        "to": fields.DateField(required=False, help_text=_("Đến ngày (tính cả) / to.")),
    },
)


class ActivitySerializer(s.Serializer):
    id = s.IntegerField(help_text=_("Số hiệu bản ghi / record id."))
    unit = s.CharField(help_text=_("Mã đơn vị / unit code."))
    type = s.CharField(help_text=_("Mã loại hoạt động / type code."))
    type_name = s.CharField(help_text=_("Tên loại hoạt động / type name."))
    title = s.CharField(help_text=_("Nội dung / what took place."))
    started_on = s.DateField(help_text=_("Ngày / the day."))
    ended_on = s.DateField(allow_null=True, help_text=_("Đến ngày / until."))
    people = s.IntegerField(allow_null=True, help_text=NUMBER_TEXT["people"])
    money = s.IntegerField(allow_null=True, help_text=NUMBER_TEXT["money"])
    quantity = s.IntegerField(allow_null=True, help_text=NUMBER_TEXT["quantity"])
    details = s.DictField(child=s.CharField(), help_text=_("Trường riêng của loại / details."))


class ActivityInputSerializer(fields.StrictSerializer):
    unit = fields.CharField(max_length=40, help_text=_("Mã đơn vị / unit code."))
    type = fields.CharField(max_length=40, help_text=_("Mã loại hoạt động / type code."))
    title = fields.CharField(max_length=300, help_text=_("Nội dung / what took place."))
    started_on = fields.DateField(help_text=_("Ngày (không quá 3 ngày tới) / the day."))
    ended_on = fields.DateField(required=False, allow_null=True, help_text=_("Đến ngày."))
    people = fields.IntegerField(required=False, allow_null=True, help_text=NUMBER_TEXT["people"])
    money = fields.IntegerField(
        required=False, allow_null=True, max_value=10**15, help_text=NUMBER_TEXT["money"]
    )
    quantity = fields.IntegerField(
        required=False, allow_null=True, help_text=NUMBER_TEXT["quantity"]
    )
    details = fields.DictField(
        child=fields.CharField(max_length=300, allow_blank=True),
        required=False,
        help_text=_("Trường riêng của loại, theo mã trường / the type's own fields by code."),
    )


def activity_row(activity: Activity) -> dict:
    return {
        "id": activity.pk,
        "unit": activity.unit.code,
        "type": activity.activity_type.code,
        "type_name": activity.activity_type.name,
        "title": activity.title,
        "started_on": activity.started_on,
        "ended_on": activity.ended_on,
        "people": activity.people,
        "money": activity.money,
        "quantity": activity.quantity,
        "details": {k: str(v) for k, v in (activity.details or {}).items()},
    }


@list_schema(
    _("Hoạt động / activities"),
    _(
        "Hoạt động đã ghi trong phạm vi của người dùng, mới nhất trước / recorded "
        "activities in the user's scope, newest first."
    ),
    ActivitySerializer,
    ActivityQuery,
    TAGS,
)
class ActivityList(ScopedList):
    query_class = ActivityQuery
    ordering = ("-started_on", "-id")

    def select(self, query: dict):
        start, end = query.get("from") or FIRST_DAY, query.get("to") or LAST_DAY
        if end < start:
            raise ValidationError({"to": [_("Ngày cuối phải từ ngày đầu trở đi.")]})
        if query.get("unit"):
            unit = field_unit(self.request, query["unit"], "unit")
            _state, day = state_of(unit, start, end)
            found = activities_under(display_version(unit, day).path, start, min(day, end))
        else:
            found = scoped_activities(
                scope_for(self.request.user),
                with_version_of_the_day(Activity.objects.filter(started_on__range=(start, end))),
            )
        if query.get("type"):
            found = found.filter(activity_type__code=query["type"])
        return found.select_related("activity_type", "unit")

    def rows(self, page: list) -> list:
        return ActivitySerializer([activity_row(a) for a in page], many=True).data

    @write(
        _("Ghi một hoạt động / record an activity"),
        _(
            "Như trang Ghi hoạt động: người quản lý đơn vị ghi; số âm, ngày ở tương lai hay "
            "ngày đơn vị chưa hoạt động bị từ chối / as the page: for the unit's keepers."
        ),
        ActivityInputSerializer,
        ActivitySerializer,
        tags=TAGS,
    )
    @idempotent
    def post(self, request):
        serializer = ActivityInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        unit = field_unit(request, data["unit"], "unit")
        kind = ActivityType.objects.filter(code=data["type"].strip(), active=True).first()
        if kind is None:
            raise ValidationError({"type": [_("Không có loại hoạt động mã này.")]})
        activity = activity_record(
            actor=request.user,
            unit=unit,
            data=ActivityInput(
                activity_type=kind,
                title=data["title"],
                started_on=data["started_on"],
                ended_on=data.get("ended_on"),
                people=data.get("people"),
                money=data.get("money"),
                quantity=data.get("quantity"),
                details=data.get("details", {}),
            ),
        )
        return Response(ActivitySerializer(activity_row(activity)).data, status=201)


class TargetQuery(fields.QuerySerializer):
    unit = fields.CharField(
        required=False, max_length=40, help_text=_("Mã đơn vị được giao / the unit's code.")
    )


class TargetSerializer(s.Serializer):
    id = s.IntegerField(help_text=_("Số hiệu / id."))
    unit = s.CharField(help_text=_("Mã đơn vị được giao / the unit's code."))
    metric = s.CharField(help_text=_("Chỉ tiêu, ví dụ members.admitted / the figure."))
    label = s.CharField(help_text=_("Tên chỉ tiêu / its label."))
    starts_on = s.DateField(help_text=_("Từ ngày / from."))
    ends_on = s.DateField(help_text=_("Đến ngày / to."))
    value = s.IntegerField(help_text=_("Mức chỉ tiêu / the target value."))
    basis = s.CharField(help_text=_("Căn cứ giao / the basis."))
    note = s.CharField(help_text=_("Ghi chú / note."))


@list_schema(
    _("Chỉ tiêu / targets"),
    _("Chỉ tiêu giao cho các đơn vị trong phạm vi / targets of the units in scope."),
    TargetSerializer,
    TargetQuery,
    TAGS,
)
class TargetList(ScopedList):
    query_class = TargetQuery
    ordering = ("-starts_on", "-id")

    def select(self, query: dict):
        targets = Target.objects.filter(unit__in=scope_for(self.request.user).units())
        if query.get("unit"):
            targets = targets.filter(unit=field_unit(self.request, query["unit"], "unit"))
        return targets.select_related("unit")

    def rows(self, page: list) -> list:
        labels = dict(metric_choices())
        rows = [
            {
                "id": t.pk,
                "unit": t.unit.code,
                "metric": t.metric,
                "label": str(labels.get(t.metric, t.metric)),
                "starts_on": t.starts_on,
                "ends_on": t.ends_on,
                "value": t.value,
                "basis": t.basis,
                "note": t.note,
            }
            for t in page
        ]
        return TargetSerializer(rows, many=True).data
