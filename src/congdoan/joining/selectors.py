"""What the public may see of the tree to send an application (open grassroots unions and ward
or commune unions: names only), and the queues of applications for a union's officers."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from congdoan.accounts.scope import Scope
from congdoan.core.text import fold
from congdoan.joining.models import Application, ApplicationStatus
from congdoan.org.models import Level, Unit, UnitVersion

PUBLIC_LOOKUP_LIMIT = 20
WARD_TYPES = ("ward",)  # the ward and commune unions since 1/7/2025


def _open_on(today: date) -> QuerySet[UnitVersion]:
    return UnitVersion.objects.valid_on(today).filter(unit__ended_on__isnull=True)


def _takers(today: date) -> QuerySet[UnitVersion]:
    return _open_on(today).filter(
        Q(unit__unit_type__level=Level.GRASSROOTS) | Q(unit__unit_type__code__in=WARD_TYPES)
    )


def takes_applications(unit: Unit, today: date) -> bool:
    return _takers(today).filter(unit=unit).exists()


def public_units(text: str, today: date) -> list[dict]:
    """Open unions taking applications whose name has every word typed (tones ignored): their
    code and name, nothing more."""
    words = fold(text).split()
    if not words:
        return []
    found = _takers(today).select_related("unit")
    for word in words:
        found = found.filter(unit__search_text__contains=f" {word}")
    rows = found.order_by("sort_key")[:PUBLIC_LOOKUP_LIMIT]
    return [{"code": v.unit.code, "name": v.name, "detail": ""} for v in rows]


def waiting_at(scope: Scope, unit: Unit) -> QuerySet[Application]:
    """The applications waiting at a union the scope keeps the registry of, oldest first."""
    if not scope.can_edit_members(unit):
        return Application.objects.none()
    return Application.objects.filter(unit=unit, status=ApplicationStatus.WAITING)
