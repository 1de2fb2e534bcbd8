"""certificates/{token}/: public, no token needed — the certificate's QR code check, answering
what the verify page shows (awards/views.py verify): valid or revoked, the name, the title and
the decision only. Limited per address (CONGDOAN_API_ANON_RATE)."""

from __future__ import annotations

import uuid

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers as s
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from congdoan.api import fields
from congdoan.api.fields import read_query
from congdoan.api.schema import read
from congdoan.api.throttling import AddressRateThrottle
from congdoan.awards.models import Award
from congdoan.org.selectors import display_version


class DecisionSerializer(s.Serializer):
    number = s.CharField(help_text=_("Số quyết định / the decision's number."))
    signed_on = s.DateField(help_text=_("Ngày ký / signed on."))


class CertificateSerializer(s.Serializer):
    status = s.ChoiceField(
        choices=("valid", "revoked"),
        help_text=_("valid: hợp lệ, revoked: đã thu hồi / valid or revoked."),
    )
    name = s.CharField(help_text=_("Họ và tên hoặc tập thể / the awardee."))
    title = s.CharField(help_text=_("Danh hiệu / the title."))
    year = s.IntegerField(help_text=_("Năm của đợt / the campaign's year."))
    decision = DecisionSerializer(help_text=_("Quyết định khen thưởng / the decision."))
    revocation = DecisionSerializer(
        allow_null=True, help_text=_("Quyết định thu hồi, nếu có / the revoking decision.")
    )


def _decision(award_decision) -> dict | None:
    if award_decision is None:
        return None
    paper = award_decision.decision
    return {"number": paper.number, "signed_on": paper.signed_on}


class CertificateCheck(GenericAPIView):
    authentication_classes: list = []  # public: a token, even a bad one, changes nothing
    permission_classes = [AllowAny]
    throttle_classes = [AddressRateThrottle]

    @read(
        _("Kiểm tra giấy chứng nhận / check a certificate"),
        _(
            "Công khai, không cần mã truy cập: mã QR trên giấy chứng nhận; trả lời như trang "
            "kiểm tra (hợp lệ hay đã thu hồi, tên, danh hiệu, quyết định) / public, no token: "
            "the certificate's QR code, answered as the verify page."
        ),
        CertificateSerializer,
        tags=["awards"],
        codes=(400, 404, 429),
        auth=[],
    )
    def get(self, request, token: str):
        read_query(fields.LangQuery, request)
        try:
            key = uuid.UUID(token)
        except ValueError:
            raise NotFound() from None
        award = (
            Award.objects.select_related(
                "title", "campaign", "person", "unit", "decision__decision", "revocation__decision"
            )
            .filter(token=key)
            .first()
        )
        if award is None:
            raise NotFound()
        name = (
            award.person.full_name
            if award.person_id
            else display_version(award.unit, award.awarded_on).name
        )
        row = {
            "status": "revoked" if award.revoked else "valid",
            "name": name,
            "title": award.title.name,
            "year": award.campaign.year,
            "decision": _decision(award.decision),
            "revocation": _decision(award.revocation),
        }
        return Response(CertificateSerializer(row).data)
