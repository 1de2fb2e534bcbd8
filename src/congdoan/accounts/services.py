"""Granting and revoking roles: checked against the granter's scope and audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.accounts.models import Role, RoleKind, User
from congdoan.accounts.scope import scope_for
from congdoan.audit.services import audit_record
from congdoan.org.models import Unit


def _require_grant(actor, unit: Unit | None, kind: str) -> None:
    scope = scope_for(actor)
    if kind == RoleKind.ADMIN and not scope.everything:
        raise PermissionDenied(_("Chỉ quản trị hệ thống được giao quyền quản trị."))
    if not scope.can_grant_roles(unit):
        raise PermissionDenied(_("Bạn không có quyền giao vai trò trên đơn vị này."))


@transaction.atomic
def role_grant(*, actor, user: User, kind: str, unit: Unit | None) -> Role:
    if kind not in RoleKind.values:
        raise ValidationError(_("Vai trò không hợp lệ."))
    if kind != RoleKind.ADMIN and unit is None:
        raise ValidationError(_("Vai trò này phải gắn với một đơn vị."))
    _require_grant(actor, unit, kind)
    if unit is not None and unit.ended_on is not None:
        raise ValidationError(_("Đơn vị đã kết thúc hoạt động."))
    role, created = Role.objects.get_or_create(user=user, kind=kind, unit=unit)
    if not created:
        raise ValidationError(_("%(user)s đã có vai trò này.") % {"user": user.username})
    audit_record(
        actor=actor,
        action="role.grant",
        target=user.username,
        unit=unit,
        after={"user": user.username, "kind": kind},
    )
    return role


@transaction.atomic
def role_revoke(*, actor, role: Role) -> None:
    _require_grant(actor, role.unit, role.kind)
    audit_record(
        actor=actor,
        action="role.revoke",
        target=role.user.username,
        unit=role.unit,
        before={"user": role.user.username, "kind": role.kind},
    )
    role.delete()
