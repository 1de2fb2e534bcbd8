"""members/ and members/{code}/: the registry read through the user's scope. Sensitive fields
only for those who keep the person's registry, and every reading of them logged, as on the
pages (members/privacy.py)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import generics, serializers
from rest_framework.response import Response

from congdoan.accounts.scope import scope_for
from congdoan.api import fields
from congdoan.api.lookups import field_unit, path_member
from congdoan.api.schema import read
from congdoan.api.views import ScopedList, list_schema
from congdoan.members.models import Gender, Person
from congdoan.members.privacy import filter_fields, log_list, read_person, with_keeping
from congdoan.members.selectors import (
    MemberFilter,
    attach_current_units,
    find_people,
    person_history,
)
from congdoan.org.selectors import display_version

TAGS = ["members"]
STATUSES = ("current", "left", "all")


class MemberQuery(fields.QuerySerializer):
    q = fields.CharField(
        required=False,
        max_length=200,
        help_text=_(
            "Họ tên (không cần dấu), số CCCD (chỉ người mình quản lý) hoặc số thẻ đoàn viên / "
            "name without tones, citizen ID (kept people only) or union card number."
        ),
    )
    unit = fields.CharField(
        required=False,
        max_length=40,
        help_text=_("Mã đơn vị: đoàn viên của cả cây bên dưới / a unit code: its whole subtree."),
    )
    status = fields.ChoiceField(
        choices=STATUSES,
        required=False,
        help_text=_(
            "current: đang sinh hoạt (mặc định), left: đã rời, all: tất cả / current (default), "
            "left or all."
        ),
    )


MEMBER_STATUS_NAMES = {"current": _("Đang sinh hoạt"), "left": _("Đã rời")}


class PlaceSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("Mã công đoàn cơ sở / the union's code."))
    name = serializers.CharField(help_text=_("Tên công đoàn cơ sở / the union's name."))


class MemberItemSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("Mã đoàn viên, ví dụ DV000123 / member code."))
    full_name = serializers.CharField(help_text=_("Họ và tên / full name."))
    gender = serializers.ChoiceField(
        choices=Gender.choices, help_text=_("M: nam, F: nữ / M male, F female.")
    )
    gender_name = serializers.CharField(
        help_text=_("Giới tính, như trên trang / as the page says.")
    )
    birth_date = serializers.DateField(allow_null=True, help_text=_("Ngày sinh / birth date."))
    birth_year_only = serializers.BooleanField(
        help_text=_("Hồ sơ chỉ ghi năm sinh / only the birth year is known.")
    )
    union_joined_on = serializers.DateField(
        allow_null=True, help_text=_("Ngày vào công đoàn / joined the union on.")
    )
    status = serializers.ChoiceField(
        choices=("current", "left"), help_text=_("current: đang sinh hoạt, left: đã rời.")
    )
    status_name = serializers.CharField(
        help_text=_("Trạng thái, như trên trang / as the page says.")
    )
    unit = PlaceSerializer(
        allow_null=True, help_text=_("Công đoàn cơ sở đang sinh hoạt / the current union.")
    )


class MembershipSerializer(serializers.Serializer):
    unit = serializers.CharField(help_text=_("Mã công đoàn cơ sở / the union's code."))
    unit_name = serializers.CharField(help_text=_("Tên công đoàn cơ sở / the union's name."))
    started_on = serializers.DateField(help_text=_("Từ ngày / from."))
    ended_on = serializers.DateField(allow_null=True, help_text=_("Đến trước ngày / until."))
    entry = serializers.CharField(help_text=_("Hình thức vào, như trên trang / how they came."))
    exit = serializers.CharField(help_text=_("Lý do rời, như trên trang / why they left."))


class CardSerializer(serializers.Serializer):
    number = serializers.CharField(allow_null=True, help_text=_("Số thẻ / card number."))
    status = serializers.CharField(help_text=_("Trạng thái, như trên trang / status."))
    issued_on = serializers.DateField(allow_null=True, help_text=_("Ngày cấp / issued on."))


class SensitiveSerializer(serializers.Serializer):
    full = serializers.BooleanField(
        help_text=_(
            "true: người dùng quản lý hồ sơ này, thấy đầy đủ (và lần đọc được ghi lại); false: "
            "các số bị che / true for the person's keepers (the reading is logged), false: "
            "masked."
        )
    )
    citizen_id = serializers.CharField(help_text=_("Số CCCD (có thể bị che) / citizen ID."))
    phone = serializers.CharField(help_text=_("Điện thoại (có thể bị che) / phone."))
    address = serializers.CharField(help_text=_("Nơi ở (có thể bị che) / address."))
    ethnicity = serializers.CharField(help_text=_("Dân tộc (chỉ khi full) / ethnicity."))
    religion = serializers.CharField(help_text=_("Tôn giáo (chỉ khi full) / religion."))
    health = serializers.CharField(help_text=_("Sức khỏe (chỉ khi full) / health."))
    party_joined_on = serializers.DateField(
        allow_null=True, help_text=_("Ngày vào Đảng (chỉ khi full) / joined the Party on.")
    )
    party_confirmed_on = serializers.DateField(
        allow_null=True, help_text=_("Ngày chính thức (chỉ khi full) / full Party member on.")
    )
    consent_on = serializers.DateField(
        allow_null=True, help_text=_("Ngày đồng ý cung cấp dữ liệu nhạy cảm / consent on.")
    )


class MemberDetailSerializer(MemberItemSerializer):
    hometown = serializers.CharField(help_text=_("Quê quán / home town."))
    education = serializers.CharField(help_text=_("Trình độ học vấn / schooling."))
    qualification = serializers.CharField(help_text=_("Trình độ chuyên môn / qualification."))
    job = serializers.CharField(help_text=_("Nghề nghiệp, việc làm / job."))
    memberships = MembershipSerializer(many=True, help_text=_("Quá trình sinh hoạt / history."))
    cards = CardSerializer(many=True, help_text=_("Thẻ đoàn viên / union cards."))
    sensitive = SensitiveSerializer(help_text=_("Dữ liệu cá nhân nhạy cảm / sensitive data."))


def member_row(person: Person) -> dict:
    """A person with `current_membership` and `current_unit_name` set (attach_current_units)."""
    membership = person.current_membership
    return {
        "code": person.code,
        "full_name": person.full_name,
        "gender": person.gender,
        "gender_name": person.get_gender_display(),
        "birth_date": person.birth_date,
        "birth_year_only": person.birth_year_only,
        "union_joined_on": person.union_joined_on,
        "status": "current" if membership else "left",
        "status_name": MEMBER_STATUS_NAMES["current" if membership else "left"],
        "unit": {"code": membership.unit.code, "name": person.current_unit_name}
        if membership
        else None,
    }


def member_item(person: Person) -> dict:
    attach_current_units([person], timezone.localdate())
    return MemberItemSerializer(member_row(person)).data


@list_schema(
    _("Tìm đoàn viên / find members"),
    _(
        "Đoàn viên trong phạm vi của người dùng, theo thứ tự tên tiếng Việt; không có dữ "
        "liệu nhạy cảm. Tìm theo CCCD được ghi vào nhật ký đọc dữ liệu cá nhân / members in "
        "the user's scope in Vietnamese name order, without sensitive fields; a search by "
        "citizen ID is logged."
    ),
    MemberItemSerializer,
    MemberQuery,
    TAGS,
)
class MemberList(ScopedList):
    query_class = MemberQuery
    ordering = ("sort_key", "pk")

    def select(self, query: dict):
        scope, today = scope_for(self.request.user), timezone.localdate()
        unit = field_unit(self.request, query["unit"], "unit") if query.get("unit") else None
        self.unit_name = display_version(unit, today).name if unit else ""
        self.wanted = MemberFilter(
            text=query.get("q", ""),
            unit_path=display_version(unit, today).path if unit else "",
            status=query.get("status") or "current",
        )
        return with_keeping(find_people(scope, self.wanted, today=today), scope)

    def rows(self, page: list) -> list:
        people = attach_current_units(page, timezone.localdate())
        if filter_fields(self.wanted):  # a list filtered on sensitive fields: logged
            log_list(
                self.request.user,
                self.wanted,
                people,
                total=self.selected.count(),
                unit_name=self.unit_name,
                party_column=False,
            )
        return MemberItemSerializer([member_row(p) for p in people], many=True).data


def _sensitive(shown) -> dict:
    return {
        "full": shown.full,
        "citizen_id": shown.citizen_id,
        "phone": shown.phone,
        "address": shown.address,
        "ethnicity": shown.ethnicity,
        "religion": shown.religion,
        "health": shown.health,
        "party_joined_on": shown.party_joined_on,
        "party_confirmed_on": shown.party_confirmed_on,
        "consent_on": shown.consent_on,
    }


class MemberDetail(generics.GenericAPIView):
    @read(
        _("Hồ sơ một đoàn viên / one member's record"),
        _(
            "Hồ sơ, quá trình sinh hoạt và thẻ; dữ liệu nhạy cảm đầy đủ chỉ cho người quản lý "
            "hồ sơ (mỗi lần đọc được ghi lại), người khác thấy số bị che / the record, its "
            "history and cards; sensitive fields in full for its keepers only (each reading "
            "logged), masked for others."
        ),
        MemberDetailSerializer,
        tags=TAGS,
    )
    def get(self, request, code: str):
        person = path_member(request, code)
        person = Person.objects.select_related("ethnicity", "religion").get(pk=person.pk)
        row = member_row(attach_current_units([person], timezone.localdate())[0])
        row.update(
            hometown=person.hometown,
            education=person.education,
            qualification=person.qualification,
            job=person.job,
            memberships=[
                {
                    "unit": m.unit.code,
                    "unit_name": m.unit_name,
                    "started_on": m.started_on,
                    "ended_on": m.ended_on,
                    "entry": m.get_entry_kind_display(),
                    "exit": m.get_exit_kind_display(),
                }
                for m in person_history(person)
            ],
            cards=[
                {"number": c.number, "status": c.get_status_display(), "issued_on": c.issued_on}
                for c in person.cards.order_by("-requested_on")
            ],
            sensitive=_sensitive(read_person(request.user, person)),
        )
        return Response(MemberDetailSerializer(row).data)
