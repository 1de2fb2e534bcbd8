"""awards/campaigns/ and awards/nominations/: commendation campaigns as the awards pages scope
them (awards/selectors.py), and nominations sent through the nomination page's form and its
service (awards/forms.py NominateForm, awards/nominations.py nominate)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from rest_framework import generics
from rest_framework import serializers as s
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from congdoan.accounts.scope import Scope, scope_for
from congdoan.api import fields
from congdoan.api.fields import read_query
from congdoan.api.lookups import field_unit
from congdoan.api.schema import read
from congdoan.api.views import ScopedList, list_schema
from congdoan.awards.models import ACTIVE, Campaign, Nomination, Recipient, Status, Step
from congdoan.awards.selectors import visible_campaigns
from congdoan.org.selectors import name_units

TAGS = ["awards"]


class CampaignQuery(fields.QuerySerializer):
    year = fields.IntegerField(
        required=False, min_value=1900, max_value=2200, help_text=_("Năm của đợt / the year.")
    )
    organiser = fields.CharField(
        required=False, max_length=40, help_text=_("Mã đơn vị tổ chức / the organiser's code.")
    )


class CampaignSerializer(s.Serializer):
    id = s.IntegerField(help_text=_("Số hiệu đợt / the campaign's id."))
    name = s.CharField(help_text=_("Tên đợt / the campaign's name."))
    title = s.CharField(help_text=_("Mã danh hiệu / the title's code."))
    title_name = s.CharField(help_text=_("Tên danh hiệu / the title's name."))
    recipient = s.ChoiceField(
        choices=Recipient.choices, help_text=_("person: cá nhân, unit: tập thể / who receives it.")
    )
    organiser = s.CharField(help_text=_("Mã đơn vị tổ chức / the organiser's code."))
    organiser_name = s.CharField(help_text=_("Tên đơn vị tổ chức / the organiser's name."))
    year = s.IntegerField(help_text=_("Năm / the year."))
    reference_on = s.DateField(help_text=_("Ngày xét tiêu chuẩn / the reference day."))
    quota = s.IntegerField(help_text=_("Tổng chỉ tiêu / the overall quota."))
    requires_party_confirmation = s.BooleanField(
        help_text=_("Cần cấp ủy xác nhận / needs the Party committee's confirmation.")
    )
    published_on = s.DateField(allow_null=True, help_text=_("Ngày công khai / published on."))
    council_closed_on = s.DateField(
        allow_null=True, help_text=_("Hội đồng kết thúc / the council closed on.")
    )


class StageSerializer(s.Serializer):
    step = s.ChoiceField(choices=Step.choices, help_text=_("Bước / the step."))
    step_name = s.CharField(help_text=_("Tên bước / the step's name."))
    deadline = s.DateField(help_text=_("Hạn cuối / the deadline."))


class CriterionSerializer(s.Serializer):
    id = s.IntegerField(help_text=_("Số hiệu tiêu chuẩn / the criterion's id."))
    rule = s.CharField(help_text=_("Cách xét / how it is checked."))
    text = s.CharField(help_text=_("Tiêu chuẩn / the criterion."))
    judged = s.BooleanField(
        help_text=_(
            "Do người xét đánh giá: người đề nghị ghi căn cứ trong `statements` / judged by "
            "people: the nominator substantiates it in `statements`."
        )
    )


class AllocationSerializer(s.Serializer):
    unit = s.CharField(help_text=_("Mã đơn vị được giao / the unit's code."))
    unit_name = s.CharField(help_text=_("Tên đơn vị / the unit's name."))
    quota = s.IntegerField(help_text=_("Chỉ tiêu / the quota."))
    used = s.IntegerField(help_text=_("Đã đề nghị / nominations taking a slot."))


class CampaignDetailSerializer(CampaignSerializer):
    purpose = s.CharField(help_text=_("Mục đích / the purpose."))
    stages = StageSerializer(many=True, help_text=_("Các bước và hạn / stages and deadlines."))
    criteria = CriterionSerializer(many=True, help_text=_("Tiêu chuẩn / the criteria."))
    allocations = AllocationSerializer(many=True, help_text=_("Phân bổ chỉ tiêu / allocations."))


def campaign_row(campaign: Campaign) -> dict:
    """A campaign with its organiser named (name_units)."""
    return {
        "id": campaign.pk,
        "name": campaign.name,
        "title": campaign.title.code,
        "title_name": campaign.title.name,
        "recipient": campaign.title.recipient,
        "organiser": campaign.organiser.code,
        "organiser_name": campaign.organiser.latest_name,
        "year": campaign.year,
        "reference_on": campaign.reference_on,
        "quota": campaign.quota,
        "requires_party_confirmation": campaign.requires_party_confirmation,
        "published_on": campaign.published_on,
        "council_closed_on": campaign.council_closed_on,
    }


@list_schema(
    _("Đợt khen thưởng / commendation campaigns"),
    _(
        "Các đợt do đơn vị trong phạm vi tổ chức, hoặc do đơn vị cấp trên (để đề nghị), "
        "như trang Khen thưởng / campaigns organised in the user's scope or above it, as "
        "the awards page lists them."
    ),
    CampaignSerializer,
    CampaignQuery,
    TAGS,
)
class CampaignList(ScopedList):
    query_class = CampaignQuery
    ordering = ("-year", "-id")

    def select(self, query: dict):
        campaigns = visible_campaigns(scope_for(self.request.user))
        if "year" in query:
            campaigns = campaigns.filter(year=query["year"])
        if query.get("organiser"):
            campaigns = campaigns.filter(
                organiser=field_unit(self.request, query["organiser"], "organiser")
            )
        return campaigns

    def rows(self, page: list) -> list:
        name_units([c.organiser for c in page])
        return CampaignSerializer([campaign_row(c) for c in page], many=True).data


def readable_campaign(request, pk: int) -> Campaign:
    campaign = visible_campaigns(scope_for(request.user)).filter(pk=pk).first()
    if campaign is None:
        raise NotFound()
    return campaign


class CampaignDetail(generics.GenericAPIView):
    @read(
        _("Một đợt khen thưởng / one campaign"),
        _(
            "Đợt với các bước, tiêu chuẩn và phân bổ chỉ tiêu / the campaign with its stages, "
            "criteria and allocations."
        ),
        CampaignDetailSerializer,
        tags=TAGS,
    )
    def get(self, request, pk: int):
        read_query(fields.LangQuery, request)
        campaign = readable_campaign(request, pk)
        allocations = list(
            campaign.allocations.select_related("unit").annotate(
                used=Count("nomination", filter=Q(nomination__status__in=ACTIVE))
            )
        )
        name_units([campaign.organiser, *(a.unit for a in allocations)])
        row = campaign_row(campaign)
        row["purpose"] = campaign.purpose
        row["stages"] = [
            {"step": st.step, "step_name": st.get_step_display(), "deadline": st.deadline}
            for st in campaign.stages.all()
        ]
        row["criteria"] = [
            {"id": c.pk, "rule": c.rule, "text": c.text, "judged": c.judged}
            for c in campaign.criteria.all()
        ]
        row["allocations"] = [
            {"unit": a.unit.code, "unit_name": a.unit.latest_name, "quota": a.quota, "used": a.used}
            for a in allocations
        ]
        return Response(CampaignDetailSerializer(row).data)


def scoped_nominations(scope: Scope):
    """Nominations of the campaigns the user reaches: all of a campaign organised in the scope,
    and elsewhere those the scope's units sent (as the campaign page shows them)."""
    rows = Nomination.objects.filter(campaign__in=visible_campaigns(scope).values("pk"))
    if not scope.everything:
        units = scope.units().values("pk")
        rows = rows.filter(Q(campaign__organiser__in=units) | Q(nominating_unit__in=units))
    return rows.select_related("campaign", "person", "unit", "nominating_unit")


class NomineeSerializer(s.Serializer):
    kind = s.ChoiceField(
        choices=Recipient.choices, help_text=_("person: cá nhân, unit: tập thể / who it is.")
    )
    code = s.CharField(help_text=_("Mã đoàn viên hoặc mã đơn vị / member or unit code."))
    name = s.CharField(help_text=_("Họ tên hoặc tên tập thể / the name."))


class NominationSerializer(s.Serializer):
    id = s.IntegerField(help_text=_("Số hiệu hồ sơ / the nomination's id."))
    campaign = s.IntegerField(help_text=_("Số hiệu đợt / the campaign's id."))
    nominee = NomineeSerializer(help_text=_("Người hoặc tập thể được đề nghị / the nominee."))
    nominating_unit = s.CharField(help_text=_("Mã đơn vị đề nghị / the nominating unit."))
    nominating_unit_name = s.CharField(help_text=_("Tên đơn vị đề nghị / its name."))
    status = s.ChoiceField(choices=Status.choices, help_text=_("Trạng thái / the status."))
    status_name = s.CharField(help_text=_("Trạng thái, như trên trang / as the page says."))
    achievement = s.CharField(help_text=_("Báo cáo thành tích / the achievement report."))
    submitted_at = s.DateTimeField(help_text=_("Gửi lúc / sent at."))


def nomination_row(nomination: Nomination) -> dict:
    """A nomination with its units named (name_units)."""
    person, unit = nomination.person, nomination.unit
    nominee = (
        {"kind": Recipient.PERSON, "code": person.code, "name": person.full_name}
        if person is not None
        else {"kind": Recipient.UNIT, "code": unit.code, "name": unit.latest_name}
    )
    return {
        "id": nomination.pk,
        "campaign": nomination.campaign_id,
        "nominee": nominee,
        "nominating_unit": nomination.nominating_unit.code,
        "nominating_unit_name": nomination.nominating_unit.latest_name,
        "status": nomination.status,
        "status_name": nomination.get_status_display(),
        "achievement": nomination.achievement,
        "submitted_at": nomination.created_at,
    }


def nomination_rows(nominations) -> list[dict]:
    nominations = list(nominations)
    name_units([u for n in nominations for u in (n.unit, n.nominating_unit)])
    return NominationSerializer([nomination_row(n) for n in nominations], many=True).data


class NominationQuery(fields.QuerySerializer):
    campaign = fields.IntegerField(
        required=False, min_value=1, help_text=_("Số hiệu đợt / the campaign's id.")
    )
    status = fields.ChoiceField(
        choices=Status.choices, required=False, help_text=_("Trạng thái / the status.")
    )
    nominating_unit = fields.CharField(
        required=False, max_length=40, help_text=_("Mã đơn vị đề nghị / the nominating unit.")
    )


@list_schema(
    _("Hồ sơ đề nghị khen thưởng / nominations"),
    _(
        "Hồ sơ của các đợt người dùng xem được: mọi hồ sơ của đợt do đơn vị trong phạm vi "
        "tổ chức, ở đợt khác những hồ sơ các đơn vị trong phạm vi gửi / nominations of the "
        "campaigns the user reaches, as the campaign page shows them."
    ),
    NominationSerializer,
    NominationQuery,
    TAGS,
)
class NominationList(ScopedList):
    query_class = NominationQuery
    ordering = ("-id",)

    def select(self, query: dict):
        rows = scoped_nominations(scope_for(self.request.user))
        if "campaign" in query:
            rows = rows.filter(campaign_id=query["campaign"])
        if query.get("status"):
            rows = rows.filter(status=query["status"])
        if query.get("nominating_unit"):
            unit = field_unit(self.request, query["nominating_unit"], "nominating_unit")
            rows = rows.filter(nominating_unit=unit)
        return rows

    def rows(self, page: list) -> list:
        return nomination_rows(page)


class CheckSerializer(s.Serializer):
    criterion = s.CharField(help_text=_("Tiêu chuẩn / the criterion."))
    passed = s.BooleanField(
        allow_null=True, help_text=_("Đạt, không đạt; null: do người xét / passed, or null.")
    )
    evidence = s.CharField(help_text=_("Căn cứ / the record that decided it."))


class EventSerializer(s.Serializer):
    on = s.DateField(help_text=_("Ngày / the day."))
    action = s.CharField(help_text=_("Bước / the step's code."))
    action_name = s.CharField(help_text=_("Bước, như trên trang / the step."))
    note = s.CharField(help_text=_("Ghi chú, lý do / note or reason."))


class NominationDetailSerializer(NominationSerializer):
    checks = CheckSerializer(many=True, help_text=_("Phiếu xét tiêu chuẩn / eligibility sheet."))
    events = EventSerializer(many=True, help_text=_("Các bước đã qua / the climb so far."))


def nomination_detail(nomination: Nomination) -> dict:
    row = nomination_rows([nomination])[0]
    row["checks"] = [
        {"criterion": c.criterion.text, "passed": c.passed, "evidence": c.evidence}
        for c in nomination.checks.select_related("criterion")
    ]
    row["events"] = [
        {"on": e.on, "action": e.action, "action_name": e.get_action_display(), "note": e.note}
        for e in nomination.events.all()
    ]
    return NominationDetailSerializer(row).data


class NominationDetail(generics.GenericAPIView):
    @read(
        _("Một hồ sơ đề nghị / one nomination"),
        _(
            "Hồ sơ với phiếu xét tiêu chuẩn và các bước đã qua / the nomination, its "
            "eligibility sheet and its steps."
        ),
        NominationDetailSerializer,
        tags=TAGS,
    )
    def get(self, request, pk: int):
        read_query(fields.LangQuery, request)
        nomination = scoped_nominations(scope_for(request.user)).filter(pk=pk).first()
        if nomination is None:
            raise NotFound()
        return Response(nomination_detail(nomination))
