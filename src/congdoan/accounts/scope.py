"""What a user may see and change: the subtrees of the units on which they hold roles.

A unit is readable when any of its versions, at any date, stood below a path that one of the
user's role units has had (so the history of what was once under a unit stays readable to it).
A unit is changeable when its latest version stands below the latest path of a role unit whose
role allows the change. Administrators see and change everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet

from congdoan.accounts.models import RoleKind
from congdoan.org.models import Unit, UnitVersion

ORG_EDITORS = frozenset({RoleKind.FEDERATION, RoleKind.UPPER})
ROLE_GRANTERS = frozenset({RoleKind.FEDERATION})
# Who keeps the registry, and so who may see its sensitive fields (ethnicity, religion, Party).
MEMBER_KEEPERS = frozenset({RoleKind.FEDERATION, RoleKind.UPPER, RoleKind.GRASSROOTS})


@dataclass(frozen=True)
class Scope:
    everything: bool = False
    read_paths: tuple[str, ...] = ()
    org_edit_paths: tuple[str, ...] = ()
    role_grant_paths: tuple[str, ...] = ()
    member_edit_paths: tuple[str, ...] = ()
    role_unit_ids: tuple[int, ...] = field(default=())

    @property
    def is_empty(self) -> bool:
        return not self.everything and not self.read_paths

    def versions(self, queryset: QuerySet[UnitVersion] | None = None) -> QuerySet[UnitVersion]:
        queryset = UnitVersion.objects.all() if queryset is None else queryset
        return queryset if self.everything else queryset.filter(_under_any(self.read_paths))

    def units(self, queryset: QuerySet[Unit] | None = None) -> QuerySet[Unit]:
        queryset = Unit.objects.all() if queryset is None else queryset
        if self.everything:
            return queryset
        readable = UnitVersion.objects.filter(_under_any(self.read_paths)).values("unit_id")
        return queryset.filter(pk__in=readable)

    def org_editable_versions(self) -> QuerySet[UnitVersion]:
        """Open versions of the units this user may reorganise."""
        return self._open_versions_under(self.org_edit_paths)

    def member_editable_versions(self) -> QuerySet[UnitVersion]:
        """Open versions of the units whose registry this user keeps."""
        return self._open_versions_under(self.member_edit_paths)

    def _open_versions_under(self, paths: tuple[str, ...]) -> QuerySet[UnitVersion]:
        versions = UnitVersion.objects.open()
        return versions if self.everything else versions.filter(_under_any(paths))

    def can_read(self, unit: Unit) -> bool:
        return self.everything or self.units(Unit.objects.filter(pk=unit.pk)).exists()

    def can_edit_org(self, unit: Unit) -> bool:
        return self._latest_under(unit, self.org_edit_paths)

    def can_grant_roles(self, unit: Unit | None) -> bool:
        if unit is None:
            return self.everything
        return self._latest_under(unit, self.role_grant_paths)

    def can_edit_members(self, unit: Unit) -> bool:
        return self._latest_under(unit, self.member_edit_paths)

    def can_read_sensitive(self, unit_ids: list[int]) -> bool:
        """Sensitive fields: for registry keepers whose scope holds one of the person's unions."""
        if self.everything:
            return True
        if not self.member_edit_paths or not unit_ids:
            return False
        versions = UnitVersion.objects.filter(unit_id__in=unit_ids)
        return versions.filter(_under_any(self.member_edit_paths)).exists()

    @property
    def may_edit_org(self) -> bool:
        return self.everything or bool(self.org_edit_paths)

    def _latest_under(self, unit: Unit, paths: tuple[str, ...]) -> bool:
        if self.everything:
            return True
        if not paths:
            return False
        path = latest_path(unit)
        return path is not None and path.startswith(paths)


def _under_any(paths: tuple[str, ...]) -> Q:
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(path__startswith=path) for path in paths))


def latest_path(unit: Unit) -> str | None:
    """The path of the unit's latest version, read once per unit object."""
    if not hasattr(unit, "_latest_path"):
        latest = unit.versions.order_by("-valid_from").values_list("path", flat=True).first()
        unit._latest_path = latest
    return unit._latest_path


def scope_for(user) -> Scope:
    """The user's scope, computed once per user object (so once per request)."""
    cached = getattr(user, "_congdoan_scope", None)
    if cached is None:
        cached = _build_scope(user)
        if user.is_authenticated:
            user._congdoan_scope = cached
    return cached


def _build_scope(user) -> Scope:
    if not user.is_authenticated or not user.is_active:
        return Scope()
    roles = list(user.roles.all())
    if user.is_superuser or any(role.kind == RoleKind.ADMIN for role in roles):
        return Scope(everything=True)
    unit_ids = {role.unit_id for role in roles}
    paths_by_unit: dict[int, list[str]] = {}
    latest_by_unit: dict[int, str] = {}
    for unit_id, path in (
        UnitVersion.objects.filter(unit_id__in=unit_ids)
        .order_by("valid_from")
        .values_list("unit_id", "path")
    ):
        paths_by_unit.setdefault(unit_id, []).append(path)
        latest_by_unit[unit_id] = path

    def latest_paths(kinds: frozenset[str]) -> tuple[str, ...]:
        return tuple(sorted({latest_by_unit[r.unit_id] for r in roles if r.kind in kinds}))

    return Scope(
        read_paths=tuple(sorted({p for paths in paths_by_unit.values() for p in paths})),
        org_edit_paths=latest_paths(ORG_EDITORS),
        role_grant_paths=latest_paths(ROLE_GRANTERS),
        member_edit_paths=latest_paths(MEMBER_KEEPERS),
        role_unit_ids=tuple(sorted(unit_ids)),
    )
