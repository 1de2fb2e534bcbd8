"""Reading the trail: the entries of the units a user may see (administrators: all), searched
by unit subtree, actor, action group, object and date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from congdoan.audit.models import AuditEntry
from congdoan.audit.sentences import describe, unit_names
from congdoan.org.models import Unit, UnitVersion

if TYPE_CHECKING:  # the scope is a floor above the trail: it is handed in, never imported
    from congdoan.accounts.scope import Scope


def may_read_trail(scope: Scope) -> bool:
    """Officers (who change the registry or the tree) and administrators read the trail."""
    return scope.everything or bool(scope.member_edit_paths or scope.org_edit_paths)


def readable_entries(scope: Scope) -> QuerySet[AuditEntry]:
    if scope.everything:
        return AuditEntry.objects.all()
    return AuditEntry.objects.filter(unit_id__in=scope.units().values("pk"))


@dataclass(frozen=True)
class Search:
    unit: Unit | None = None
    actor: str = ""
    group: str = ""
    target: str = ""
    start: date | None = None
    end: date | None = None


def search_entries(scope: Scope, search: Search) -> QuerySet[AuditEntry]:
    found = readable_entries(scope)
    if search.unit is not None:
        paths = UnitVersion.objects.filter(unit=search.unit).values_list("path", flat=True)
        under = Q(pk__in=[])
        for path in set(paths):
            under |= Q(path__startswith=path)
        found = found.filter(unit_id__in=UnitVersion.objects.filter(under).values("unit_id"))
    if search.actor:
        found = found.filter(
            Q(actor_username__icontains=search.actor) | Q(actor_name__icontains=search.actor)
        )
    if search.group:
        found = found.filter(action__startswith=f"{search.group}.")
    if search.target:
        found = found.filter(target__icontains=search.target)
    if search.start:
        found = found.filter(at__date__gte=search.start)
    if search.end:
        found = found.filter(at__date__lte=search.end)
    return found.order_by("-at", "-id")


def unit_history(unit: Unit) -> QuerySet:
    """The audit entries about a unit, newest first."""
    return unit.audit_entries.select_related("actor").order_by("-at", "-id")


def history_sentences(entries) -> list[tuple]:
    """Each entry with its sentence, written by the audit trail's renderer (names, not codes)."""
    entries = list(entries)
    names = unit_names(entries)
    return [(entry, describe(entry, names)) for entry in entries]
