"""Serializer fields whose refusals are Vietnamese (Django REST framework's catalogue has few),
and the strict serializer base: a field the endpoint does not know is refused, not ignored."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from congdoan.core.params import FIRST_DAY, LAST_DAY

UNKNOWN_FIELD = _("Trường này không có trong API; kiểm tra lại tên trường.")
NOT_AN_OBJECT = _("Nội dung gửi lên phải là một đối tượng JSON (object).")


class Vietnamese:
    default_error_messages = {
        "required": _("Thiếu trường này."),
        "null": _("Trường này không được để trống (null)."),
    }


class CharField(Vietnamese, serializers.CharField):
    default_error_messages = {
        "invalid": _("Phải là một chuỗi ký tự."),
        "blank": _("Trường này không được để trống."),
        "max_length": _("Dài quá {max_length} ký tự."),
        "min_length": _("Cần ít nhất {min_length} ký tự."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 300)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):  # no number or boolean read as text
            self.fail("invalid")
        if "\x00" in data:
            self.fail("invalid")
        return super().to_internal_value(data)


class IntegerField(Vietnamese, serializers.IntegerField):
    default_error_messages = {
        "invalid": _("Phải là một số nguyên."),
        "max_value": _("Không được lớn hơn {max_value}."),
        "min_value": _("Không được nhỏ hơn {min_value}."),
        "max_string_length": _("Số quá dài."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", 2_000_000_000)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool | float):
            self.fail("invalid")
        return super().to_internal_value(data)


class BooleanField(Vietnamese, serializers.BooleanField):
    default_error_messages = {"invalid": _("Phải là true hoặc false.")}


class DateField(Vietnamese, serializers.DateField):
    """A day written YYYY-MM-DD, between the years the whole application accepts."""

    default_error_messages = {
        "invalid": _("Ngày phải có dạng YYYY-MM-DD."),
        "datetime": _("Cần một ngày (YYYY-MM-DD), không kèm giờ."),
        "range": _("Ngày phải trong các năm {first}–{last}."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["iso-8601"])
        super().__init__(**kwargs)

    def to_internal_value(self, value):
        if not isinstance(value, str):
            self.fail("invalid")
        day = super().to_internal_value(value)
        if not FIRST_DAY <= day <= LAST_DAY:
            self.fail("range", first=FIRST_DAY.year, last=LAST_DAY.year)
        return day


class ChoiceField(Vietnamese, serializers.ChoiceField):
    default_error_messages = {"invalid_choice": _("“{input}” không phải một giá trị được nhận.")}


class DictField(Vietnamese, serializers.DictField):
    default_error_messages = {
        "not_a_dict": _("Phải là một đối tượng JSON (object)."),
        "empty": _("Không được để trống."),
    }


class FileField(Vietnamese, serializers.FileField):
    default_error_messages = {
        "invalid": _("Không nhận được tệp; gửi dạng multipart/form-data."),
        "no_name": _("Tệp không có tên."),
        "empty": _("Tệp rỗng: không có dòng nào để nhập."),
        "max_length": _("Tên tệp dài quá {max_length} ký tự."),
    }


class StrictSerializer(serializers.Serializer):
    """A body or a query string with a field the endpoint does not know is refused (400)."""

    default_error_messages = {"invalid": NOT_AN_OBJECT}
    allowed_extra: tuple[str, ...] = ()

    def to_internal_value(self, data):
        if hasattr(data, "keys"):
            unknown = sorted(set(data.keys()) - set(self.fields) - set(self.allowed_extra))
            if unknown:
                raise serializers.ValidationError({name: [UNKNOWN_FIELD] for name in unknown})
        return super().to_internal_value(data)


class QuerySerializer(StrictSerializer):
    """Filters of a list: the cursor and page size are the paginator's, read there."""

    allowed_extra = ("cursor", "page_size", "lang")

    def to_internal_value(self, data):
        if hasattr(data, "getlist"):  # a repeated parameter is refused, not silently cut
            repeated = sorted(k for k in data if len(data.getlist(k)) > 1)
            if repeated:
                raise serializers.ValidationError(
                    {name: [_("Tham số này chỉ được gửi một lần.")] for name in repeated}
                )
            data = {k: data.get(k) for k in data}
        return super().to_internal_value(data)


def read_query(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.query_params)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class LangQuery(QuerySerializer):
    """A read of one object: no filter, only the schema's `lang`."""

    allowed_extra = ("lang",)
