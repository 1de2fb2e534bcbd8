"""POST members/ (admission), members/{code}/transfer/, exit/, readmit/: the registry's own
services (members/services.py), with the admission form's rules (members/forms.py), so an
admission through the API writes exactly what the page writes."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_view
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from congdoan.api import fields, members
from congdoan.api.idempotency import idempotent
from congdoan.api.lookups import field_unit, path_member
from congdoan.api.members import TAGS, MemberItemSerializer, member_item
from congdoan.api.schema import write
from congdoan.members import services
from congdoan.members.forms import AdmitForm
from congdoan.members.models import Ethnicity, ExitKind, Gender, Religion
from congdoan.org.services import DecisionInput

TEXT = {
    "full_name": (200, _("Họ và tên / full name.")),
    "citizen_id": (20, _("Số CCCD 12 chữ số (nếu có) / 12-digit citizen ID, if any.")),
    "id_issued_by": (200, _("Nơi cấp CCCD / issued by.")),
    "hometown": (200, _("Quê quán / home town.")),
    "education": (60, _("Trình độ học vấn, ví dụ 12/12 / schooling.")),
    "qualification": (120, _("Trình độ chuyên môn / qualification.")),
    "job": (200, _("Nghề nghiệp, việc làm / job.")),
    "phone": (20, _("Điện thoại / phone.")),
    "address": (300, _("Nơi ở / address.")),
    "health": (300, _("Tình trạng sức khỏe (cần ngày đồng ý) / health (needs consent).")),
}
DATES = {
    "id_issued_on": _("Ngày cấp CCCD / ID issued on."),
    "party_joined_on": _("Ngày vào Đảng / joined the Party on."),
    "party_confirmed_on": _("Ngày chính thức / full Party member on."),
    "sensitive_consent_on": _(
        "Ngày đương sự đồng ý cung cấp dân tộc, tôn giáo, sức khỏe / the day the person "
        "consented to giving ethnicity, religion, health."
    ),
}
REFERENCES = {"ethnicity": Ethnicity, "religion": Religion}


def _decision_fields() -> dict:
    return {
        "decision_number": fields.CharField(
            max_length=60, help_text=_("Số quyết định, ví dụ 15/QĐ-CĐCS / decision number.")
        ),
        "decision_date": fields.DateField(help_text=_("Ngày ký quyết định / signed on.")),
        "decision_signer": fields.CharField(
            max_length=200, help_text=_("Người ký quyết định / signed by.")
        ),
    }


def _admission_fields() -> dict:
    declared = {
        "unit": fields.CharField(
            max_length=40, help_text=_("Mã công đoàn cơ sở kết nạp / the union's code.")
        ),
        "birth_date": fields.DateField(help_text=_("Ngày sinh / birth date.")),
        "gender": fields.ChoiceField(
            choices=Gender.choices, help_text=_("M: nam, F: nữ / M male, F female.")
        ),
        "joined_on": fields.DateField(help_text=_("Ngày vào công đoàn / joined on.")),
        "ethnicity": fields.CharField(
            required=False,
            allow_blank=True,
            max_length=40,
            help_text=_("Mã dân tộc, ví dụ kinh (cần ngày đồng ý) / ethnicity code."),
        ),
        "religion": fields.CharField(
            required=False,
            allow_blank=True,
            max_length=40,
            help_text=_("Mã tôn giáo (cần ngày đồng ý) / religion code."),
        ),
        **_decision_fields(),
    }
    for name, (length, text) in TEXT.items():
        required = name == "full_name"
        declared[name] = fields.CharField(
            max_length=length, required=required, allow_blank=not required, help_text=text
        )
    for name, text in DATES.items():
        declared[name] = fields.DateField(required=False, allow_null=True, help_text=text)
    return declared


AdmissionSerializer = type("AdmissionSerializer", (fields.StrictSerializer,), _admission_fields())
ReadmitSerializer = type(
    "ReadmitSerializer",
    (fields.StrictSerializer,),
    {
        "unit": fields.CharField(max_length=40, help_text=_("Mã công đoàn cơ sở / union code.")),
        "on": fields.DateField(help_text=_("Ngày kết nạp lại / readmitted on.")),
        **_decision_fields(),
    },
)


class TransferSerializer(fields.StrictSerializer):
    to_unit = fields.CharField(
        max_length=40, help_text=_("Mã công đoàn cơ sở chuyển đến / the union moved to.")
    )
    on = fields.DateField(help_text=_("Từ ngày / from the day."))
    note = fields.CharField(required=False, allow_blank=True, help_text=_("Ghi chú / note."))


class ExitSerializer(fields.StrictSerializer):
    kind = fields.ChoiceField(
        choices=[k for k in ExitKind.values if k != ExitKind.TRANSFER],
        help_text=_("Lý do: retirement, job_ended, voluntary, removal, unit_ended / the reason."),
    )
    on = fields.DateField(help_text=_("Từ ngày / from the day."))
    note = fields.CharField(required=False, allow_blank=True, help_text=_("Ghi chú / note."))


def _valid(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _reference(model, code: str, field: str):
    if not code:
        return ""
    found = model.objects.filter(code=code.strip(), active=True).values_list("pk", flat=True)
    if not found:
        raise ValidationError({field: [_("Không có mã này trong danh mục.")]})
    return str(found[0])


def _admit_form(data: dict) -> AdmitForm:
    """The page's form, filled from the body: the same cleaning and the same rules."""
    values = {
        name: value.isoformat() if hasattr(value, "isoformat") else (value or "")
        for name, value in data.items()
        if name not in REFERENCES and name != "unit"
    }
    for name, model in REFERENCES.items():
        values[name] = _reference(model, data.get(name, ""), name)
    form = AdmitForm(values)
    if not form.is_valid():
        raise ValidationError({k if k != "__all__" else "body": v for k, v in form.errors.items()})
    return form


def _decision(data: dict) -> DecisionInput:
    return DecisionInput(
        number=data["decision_number"],
        signed_on=data["decision_date"],
        signer=data["decision_signer"],
    )


class MemberAdmit(GenericAPIView):
    @write(
        _("Kết nạp đoàn viên / admit a member"),
        _(
            "Kết nạp một người vào công đoàn cơ sở theo quyết định của BCH, như trang Kết nạp "
            "đoàn viên; chỉ người quản lý đoàn viên của công đoàn đó / admits one person, as "
            "the admission page does; for the union's registry keepers."
        ),
        AdmissionSerializer,
        MemberItemSerializer,
        tags=TAGS,
    )
    @idempotent
    def post(self, request):
        data = _valid(AdmissionSerializer, request)
        unit = field_unit(request, data["unit"], "unit")
        form = _admit_form(data)
        membership = services.member_admit(
            actor=request.user,
            unit=unit,
            person=form.person_data(),
            joined_on=form.cleaned_data["joined_on"],
            decision=form.decision(),
        )
        return Response(member_item(membership.person), status=201)


class MemberWrite(GenericAPIView):
    """POST members/{code}/<step>/: the member through the user's scope (404 outside), the body
    read by `body` (unknown fields refused), the step's service called by `act`; answers the
    member as it is afterwards."""

    body: type

    def act(self, request, person, data: dict) -> None:
        raise NotImplementedError  # each step calls its own service

    @idempotent
    def post(self, request, code: str):
        person = path_member(request, code)
        self.act(request, person, _valid(self.body, request))
        return Response(member_item(person))


def _step_schema(summary, description, body):
    return extend_schema_view(
        post=write(summary, description, body, MemberItemSerializer, status=200, tags=TAGS)
    )


@_step_schema(
    _("Chuyển sinh hoạt / transfer"),
    _(
        "Chuyển đoàn viên sang công đoàn cơ sở khác; người dùng quản lý cả hai nơi / moves "
        "a member to another union; the user keeps both registries."
    ),
    TransferSerializer,
)
class MemberTransfer(MemberWrite):
    body = TransferSerializer

    def act(self, request, person, data: dict) -> None:
        services.member_transfer(
            actor=request.user,
            person=person,
            to_unit=field_unit(request, data["to_unit"], "to_unit"),
            on=data["on"],
            note=data.get("note", ""),
        )


@_step_schema(
    _("Rời tổ chức công đoàn / leave the union"),
    _("Ghi việc đoàn viên rời tổ chức, với lý do và ngày / records a member leaving."),
    ExitSerializer,
)
class MemberExit(MemberWrite):
    body = ExitSerializer

    def act(self, request, person, data: dict) -> None:
        services.member_exit(
            actor=request.user,
            person=person,
            on=data["on"],
            kind=data["kind"],
            note=data.get("note", ""),
        )


@_step_schema(
    _("Kết nạp lại / readmit"),
    _(
        "Kết nạp lại người đã rời tổ chức: cùng hồ sơ, một lần sinh hoạt mới / admits "
        "again someone who had left: the same record, a new membership."
    ),
    ReadmitSerializer,
)
class MemberReadmit(MemberWrite):
    body = ReadmitSerializer

    def act(self, request, person, data: dict) -> None:
        services.member_readmit(
            actor=request.user,
            person=person,
            unit=field_unit(request, data["unit"], "unit"),
            on=data["on"],
            decision=_decision(data),
        )


class MemberCollection(members.MemberList, MemberAdmit):
    """members/: GET finds members, POST admits one."""
