"""Opening an award campaign: its titles, steps with deadlines, allocations and council.
One transaction, the organiser checked, audited."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.accounts.lookups import require_council_candidates, require_under
from congdoan.audit.services import audit_record
from congdoan.awards.models import (
    Allocation,
    Campaign,
    CouncilMember,
    Criterion,
    Rule,
    Stage,
    Step,
    Title,
)
from congdoan.awards.permissions import require_organiser
from congdoan.core.text import normalize_text
from congdoan.org.models import Unit


@dataclass
class CampaignInput:
    name: str
    title: Title
    year: int
    reference_on: date
    quota: int
    deadlines: dict[str, date]
    purpose: str = ""
    requires_party_confirmation: bool = False
    pool_title: Title | None = None
    score_max: int = 100  # a vote is a rubric of 1 point: 1 for, 0 against
    pass_score: Decimal = Decimal(0)  # with a vote, 0.5 asks for more than half
    publication_days: int = 5
    ceremony_on: date | None = None
    allocations: list[tuple[Unit, int]] = field(default_factory=list)
    criteria: list[tuple[str, str, dict]] = field(default_factory=list)  # rule, text, params
    council: list[tuple[object, bool]] = field(default_factory=list)  # user, secretary


def _validate(data: CampaignInput) -> None:
    if not normalize_text(data.name):
        raise ValidationError(_("Thiếu tên đợt khen thưởng."))
    if data.quota < 1:
        raise ValidationError(_("Tổng chỉ tiêu phải từ 1 trở lên."))
    if Step.NOMINATE not in data.deadlines:
        raise ValidationError(_("Thiếu hạn gửi hồ sơ đề nghị."))
    order = [data.deadlines[s] for s in Step.values if s in data.deadlines]
    if order != sorted(order):
        raise ValidationError(
            _("Hạn các bước phải theo thứ tự: đề nghị, cấp ủy, cấp trên, hội đồng.")
        )
    if data.score_max < 1 or not 0 <= data.pass_score <= data.score_max:
        raise ValidationError(_("Điểm đạt phải từ 0 đến điểm tối đa (từ 1 trở lên)."))
    if any(quota < 1 for _unit, quota in data.allocations):
        raise ValidationError(_("Chỉ tiêu của mỗi đơn vị phải từ 1 trở lên."))
    units = [unit.pk for unit, _quota in data.allocations]
    if len(units) != len(set(units)):
        raise ValidationError(_("Một đơn vị được giao chỉ tiêu hai lần."))
    if data.pool_title is not None and data.pool_title == data.title:
        raise ValidationError(_("Danh hiệu cấp dưới phải khác danh hiệu của đợt này."))
    for rule, _text, _params in data.criteria:
        if rule not in Rule.values:
            raise ValidationError(_("Cách xét tiêu chuẩn không hợp lệ."))


@transaction.atomic
def campaign_create(*, actor, organiser: Unit, data: CampaignInput) -> Campaign:
    require_organiser(actor, organiser)
    _validate(data)
    require_under([unit for unit, _quota in data.allocations], organiser)
    require_council_candidates([user for user, _secretary in data.council], organiser)
    campaign = Campaign.objects.create(
        name=normalize_text(data.name),
        purpose=data.purpose,
        title=data.title,
        organiser=organiser,
        year=data.year,
        reference_on=data.reference_on,
        quota=data.quota,
        requires_party_confirmation=data.requires_party_confirmation,
        pool_title=data.pool_title,
        score_max=data.score_max,
        pass_score=data.pass_score,
        publication_days=data.publication_days,
        ceremony_on=data.ceremony_on,
    )
    Stage.objects.bulk_create(
        Stage(campaign=campaign, step=step, deadline=day) for step, day in data.deadlines.items()
    )
    Allocation.objects.bulk_create(
        Allocation(campaign=campaign, unit=unit, quota=quota) for unit, quota in data.allocations
    )
    criteria = list(data.criteria)
    if data.pool_title is not None and Rule.IN_POOL not in [c[0] for c in criteria]:
        criteria.insert(0, (Rule.IN_POOL, _("Đã đạt danh hiệu ở đợt cấp dưới"), {}))
    Criterion.objects.bulk_create(
        Criterion(campaign=campaign, order=i, rule=rule, text=text, params=params)
        for i, (rule, text, params) in enumerate(criteria, start=1)
    )
    CouncilMember.objects.bulk_create(
        CouncilMember(campaign=campaign, user=user, secretary=secretary)
        for user, secretary in data.council
    )
    audit_record(
        actor=actor,
        action="awards.campaign_create",
        unit=organiser,
        target=campaign.name,
        after={"quota": data.quota, "allocations": len(data.allocations)},
    )
    return campaign
