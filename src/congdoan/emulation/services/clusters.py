"""Clusters and their covenants: forming a cluster for a year, its member units (date-ranged),
lead and deputy (the lead changes each year), the covenant with its theme and per-unit targets,
and each unit's signature. One transaction per use case, scope checked, audited."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from congdoan.accounts.lookups import require_under
from congdoan.accounts.scope import scope_for
from congdoan.audit.services import audit_changes, audit_record, snapshot
from congdoan.core.text import format_date, normalize_text
from congdoan.emulation.models import (
    Cluster,
    ClusterMember,
    Covenant,
    Purpose,
    Scorecard,
    Signing,
    Target,
)
from congdoan.emulation.permissions import require_manager
from congdoan.emulation.selectors import lead_warning, member_units
from congdoan.org.models import Unit
from congdoan.org.selectors import display_version


def _audit(actor, action: str, cluster: Cluster, **after) -> None:
    audit_record(
        actor=actor,
        action=f"emulation.{action}",
        target=str(cluster),
        unit=cluster.owner,
        after={key: str(value) for key, value in after.items()},
    )


def _audit_change(actor, action: str, cluster: Cluster, instance, before: dict) -> None:
    audit_changes(
        actor=actor,
        action=f"emulation.{action}",
        instance=instance,
        before=before,
        target=str(cluster),
        unit=cluster.owner,
    )


def _year_start(cluster: Cluster) -> date:
    return date(cluster.year, 1, 1)


def _require_active_in_year(unit: Unit, year: int) -> None:
    if unit.ended_on is not None and unit.ended_on <= date(year, 1, 1):
        raise ValidationError(
            _(
                "Đơn vị %(code)s đã kết thúc hoạt động ngày %(day)s, không tham gia thi đua năm "
                "%(year)s."
            )
            % {"code": unit.code, "day": format_date(unit.ended_on), "year": year}
        )
    if unit.established_on > date(year, 12, 31):
        raise ValidationError(
            _("Đơn vị %(code)s chưa thành lập trong năm %(year)s.")
            % {"code": unit.code, "year": year}
        )


@transaction.atomic
def cluster_create(
    *, actor, owner: Unit, year: int, name: str, units: list[Unit], kind: str = "cluster"
) -> Cluster:
    if not scope_for(actor).can_edit_org(owner):
        raise PermissionDenied(_("Bạn không có quyền lập cụm thi đua của đơn vị này."))
    name = normalize_text(name or "")
    if not name:
        raise ValidationError(_("Thiếu tên cụm, khối thi đua."))
    if Cluster.objects.filter(owner=owner, year=year, name=name).exists():
        raise ValidationError(_("Năm %(year)s đã có %(name)s.") % {"year": year, "name": name})
    require_under(units, owner)
    cluster = Cluster.objects.create(
        owner=owner, year=year, name=name, kind=kind, scorecard=_covenant_scale(owner, year)
    )
    for unit in units:
        _add_member(cluster, unit, _year_start(cluster))
    _audit(actor, "cluster_create", cluster, units=[u.code for u in units])
    return cluster


def _covenant_scale(owner: Unit, year: int) -> Scorecard | None:
    """The covenant scale of the year from the owner, or else from the nearest unit above it."""
    version = display_version(owner, date(year, 1, 1))
    chain = [*version.ancestor_ids, owner.pk]
    cards = {
        card.owner_id: card
        for card in Scorecard.objects.filter(owner_id__in=chain, purpose=Purpose.CLUSTER, year=year)
    }
    return next((cards[pk] for pk in reversed(chain) if pk in cards), None)


def _add_member(cluster: Cluster, unit: Unit, joined_on: date) -> ClusterMember:
    _require_active_in_year(unit, cluster.year)
    try:
        with transaction.atomic():
            return ClusterMember.objects.create(cluster=cluster, unit=unit, joined_on=joined_on)
    except IntegrityError:
        raise ValidationError(_("Đơn vị %(code)s đã ở trong cụm.") % {"code": unit.code}) from None


@transaction.atomic
def cluster_add_member(*, actor, cluster: Cluster, unit: Unit, joined_on: date) -> ClusterMember:
    require_manager(actor, cluster)
    if joined_on.year != cluster.year:
        raise ValidationError(_("Ngày vào cụm phải trong năm %(year)s.") % {"year": cluster.year})
    require_under([unit], cluster.owner)
    member = _add_member(cluster, unit, joined_on)
    _audit(actor, "cluster_member", cluster, unit=unit.code, joined_on=joined_on)
    return member


@transaction.atomic
def cluster_end_member(*, actor, cluster: Cluster, unit: Unit, left_on: date) -> ClusterMember:
    """A unit leaves the cluster (merged or ended); its scores so far stay."""
    require_manager(actor, cluster)
    member = cluster.members.filter(unit=unit, left_on__isnull=True).first()
    if member is None:
        raise ValidationError(_("Đơn vị %(code)s không ở trong cụm.") % {"code": unit.code})
    if left_on <= member.joined_on:
        raise ValidationError(_("Ngày rời cụm phải sau ngày vào cụm."))
    before = snapshot(member)
    member.left_on = left_on
    member.save(update_fields=["left_on"])
    _audit_change(actor, "cluster_member_end", cluster, member, before)
    return member


@transaction.atomic
def cluster_set_leads(*, actor, cluster: Cluster, lead: Unit, deputy: Unit | None) -> str | None:
    """Set the lead and deputy; returns the rotation warning, if any."""
    require_manager(actor, cluster)
    members = {u.pk for u in member_units(cluster)}
    for unit in (lead, deputy):
        if unit is not None and unit.pk not in members:
            raise ValidationError(
                _("%(code)s không phải thành viên của cụm.") % {"code": unit.code}
            )
    if deputy is not None and deputy.pk == lead.pk:
        raise ValidationError(_("Cụm trưởng và cụm phó phải là hai đơn vị khác nhau."))
    before = snapshot(cluster)
    cluster.lead, cluster.deputy = lead, deputy
    cluster.save(update_fields=["lead", "deputy", "updated_at"])
    _audit_change(actor, "cluster_leads", cluster, cluster, before)
    return lead_warning(cluster, lead)


@transaction.atomic
def covenant_set(*, actor, cluster: Cluster, theme: str, signed_on: date, place: str = "Hà Nội"):
    require_manager(actor, cluster)
    theme = normalize_text(theme or "")
    if not theme:
        raise ValidationError(_("Thiếu chủ đề giao ước."))
    if signed_on is None or signed_on.year != cluster.year:
        raise ValidationError(
            _("Ngày ký giao ước phải trong năm %(year)s.") % {"year": cluster.year}
        )
    if cluster.scorecard is None:
        raise ValidationError(
            _("Chưa có bảng điểm giao ước thi đua năm %(year)s.") % {"year": cluster.year}
        )
    if Covenant.objects.filter(cluster=cluster, signings__isnull=False).exists():
        raise ValidationError(_("Giao ước đã có đơn vị ký, không sửa được nội dung."))
    existing = Covenant.objects.filter(cluster=cluster).first()
    before = snapshot(existing) if existing else {}
    covenant, _created = Covenant.objects.update_or_create(
        cluster=cluster, defaults={"theme": theme, "signed_on": signed_on, "place": place}
    )
    _audit_change(actor, "covenant", cluster, covenant, before)
    return covenant


@transaction.atomic
def covenant_set_targets(*, actor, covenant: Covenant, unit: Unit, values: dict[str, int]):
    """A unit's targets; a value of None removes that target."""
    cluster = covenant.cluster
    require_manager(actor, cluster)
    if unit.pk not in {u.pk for u in member_units(cluster)}:
        raise ValidationError(_("%(code)s không phải thành viên của cụm.") % {"code": unit.code})
    _require_active_in_year(unit, cluster.year)
    for indicator, value in values.items():
        if value is None:
            Target.objects.filter(covenant=covenant, unit=unit, indicator=indicator).delete()
        elif value < 0:
            raise ValidationError(_("Chỉ tiêu không được âm."))
        else:
            Target.objects.update_or_create(
                covenant=covenant, unit=unit, indicator=indicator, defaults={"value": value}
            )
    _audit(actor, "covenant_targets", cluster, unit=unit.code, values=values)


@transaction.atomic
def covenant_sign(
    *, actor, covenant: Covenant, unit: Unit, signer_name: str, signer_title: str, on: date
) -> Signing:
    cluster = covenant.cluster
    if not scope_for(actor).can_edit_members(unit):
        raise PermissionDenied(_("Bạn không ký thay đơn vị %(code)s được.") % {"code": unit.code})
    if unit.pk not in {u.pk for u in member_units(cluster)}:
        raise ValidationError(_("%(code)s không phải thành viên của cụm.") % {"code": unit.code})
    _require_active_in_year(unit, cluster.year)
    signer_name, signer_title = (
        normalize_text(signer_name or ""),
        normalize_text(signer_title or ""),
    )
    if not signer_name or not signer_title:
        raise ValidationError(_("Thiếu họ tên hoặc chức vụ người ký."))
    if on is None or on.year != cluster.year:
        raise ValidationError(_("Ngày ký phải trong năm %(year)s.") % {"year": cluster.year})
    if covenant.signings.filter(unit=unit).exists():
        raise ValidationError(_("Đơn vị %(code)s đã ký giao ước.") % {"code": unit.code})
    signing = Signing.objects.create(
        covenant=covenant,
        unit=unit,
        signer_name=signer_name,
        signer_title=signer_title,
        signed_on=on,
        recorded_by=actor,
    )
    _audit(actor, "covenant_sign", cluster, unit=unit.code, signer=signer_name, on=on)
    return signing
