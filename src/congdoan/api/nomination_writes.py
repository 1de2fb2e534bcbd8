"""POST awards/nominations/: a nomination sent as the campaign's nomination page sends it — the
page's form (awards/forms.py NominateForm: the nominee through the user's scope, a collective
under the nominating unit) and its service (awards/nominations.py nominate: deadlines,
eligibility, the allocation's slot, the audit)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from congdoan.accounts.scope import scope_for
from congdoan.api import awards, fields
from congdoan.api.idempotency import idempotent
from congdoan.api.lookups import field_unit
from congdoan.api.schema import write
from congdoan.awards.forms import NominateForm
from congdoan.awards.models import Rule
from congdoan.awards.selectors import nominating_units, visible_campaigns
from congdoan.awards.services.nominations import Dossier, nominate

NO_CAMPAIGN = _("Không tìm thấy đợt khen thưởng này.")
NOT_NOMINATING = _("Đơn vị này không được đề nghị trong đợt này.")
NO_UNIT_HELD = _("Bạn không giữ đơn vị nào được giao chỉ tiêu trong đợt này.")
FORM_FIELDS = {"member_code": "member", "unit_code": "unit", "from_unit": "from_unit"}


class NominateSerializer(fields.StrictSerializer):
    campaign = fields.IntegerField(min_value=1, help_text=_("Số hiệu đợt / the campaign's id."))
    from_unit = fields.CharField(
        max_length=40,
        help_text=_(
            "Mã đơn vị đề nghị (được giao chỉ tiêu, hoặc dưới đơn vị được giao) / the "
            "nominating unit's code."
        ),
    )
    member = fields.CharField(
        required=False,
        allow_blank=True,
        max_length=20,
        help_text=_("Mã đoàn viên được đề nghị (cá nhân) / the nominated member's code."),
    )
    unit = fields.CharField(
        required=False,
        allow_blank=True,
        max_length=40,
        help_text=_(
            "Hoặc mã tập thể được đề nghị, dưới đơn vị đề nghị / or the nominated collective."
        ),
    )
    achievement = fields.CharField(
        max_length=20000, help_text=_("Báo cáo thành tích / the achievement report.")
    )
    statements = fields.DictField(
        child=fields.CharField(max_length=5000, allow_blank=True),
        required=False,
        help_text=_(
            "Căn cứ cho từng tiêu chuẩn do người xét, theo số hiệu tiêu chuẩn / what "
            "substantiates each judged criterion, by its id."
        ),
    )


def _campaign(request, pk: int):
    campaign = visible_campaigns(scope_for(request.user)).filter(pk=pk).first()
    if campaign is None:
        raise ValidationError({"campaign": [NO_CAMPAIGN]})
    return campaign


def _statements(campaign, given: dict) -> tuple[dict, list]:
    judged = {str(c.pk): c for c in campaign.criteria.filter(rule=Rule.JUDGED)}
    unknown = sorted(set(given) - set(judged))
    if unknown:
        message = _("Không có tiêu chuẩn do người xét số hiệu %(ids)s trong đợt này.")
        raise ValidationError({"statements": [message % {"ids": ", ".join(unknown)}]})
    return {f"judged_{pk}": given.get(pk, "") for pk in judged}, list(judged.values())


def _form(request, campaign, data: dict) -> NominateForm:
    """The page's form, filled from the body: the same cleaning and the same scope."""
    units = nominating_units(scope_for(request.user), campaign)
    if not units.exists():
        raise PermissionDenied(NO_UNIT_HELD)
    from_unit = field_unit(request, data["from_unit"], "from_unit")
    if not units.filter(pk=from_unit.pk).exists():
        raise ValidationError({"from_unit": [NOT_NOMINATING]})
    statements, judged = _statements(campaign, data.get("statements", {}))
    values = {
        "from_unit": from_unit.pk,
        "member_code": data.get("member", ""),
        "unit_code": data.get("unit", ""),
        "achievement": data["achievement"],
        **statements,
    }
    form = NominateForm(values, {}, units=units, judged=judged, scope=scope_for(request.user))
    if not form.is_valid():
        fallback = "member" if data.get("member") else "unit" if data.get("unit") else "body"
        names = {**FORM_FIELDS, "__all__": fallback}
        raise ValidationError({names.get(k, k): v for k, v in form.errors.items()})
    return form


class NominationCreate(GenericAPIView):
    @write(
        _("Gửi hồ sơ đề nghị / nominate"),
        _(
            "Như trang Đề nghị khen thưởng: đơn vị đề nghị trong chỉ tiêu được giao; hồ sơ bị "
            "từ chối (có lý do) khi quá hạn, không đủ tiêu chuẩn, trùng hay hết chỉ tiêu / as "
            "the nomination page: refused, with the reason, when late, ineligible, duplicate "
            "or over the allocation."
        ),
        NominateSerializer,
        awards.NominationDetailSerializer,
        tags=awards.TAGS,
    )
    @idempotent
    def post(self, request):
        serializer = NominateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        campaign = _campaign(request, data["campaign"])
        form = _form(request, campaign, data)
        cleaned = form.cleaned_data
        nomination = nominate(
            actor=request.user,
            campaign=campaign,
            from_unit=cleaned["from_unit"],
            person=cleaned.get("person"),
            unit=cleaned.get("unit"),
            dossier=Dossier(cleaned["achievement"], form.statements(), []),
            on=timezone.localdate(),
        )
        found = awards.scoped_nominations(scope_for(request.user)).get(pk=nomination.pk)
        return Response(awards.nomination_detail(found), status=201)


class NominationCollection(awards.NominationList, NominationCreate):
    """awards/nominations/: GET lists nominations, POST sends one."""
