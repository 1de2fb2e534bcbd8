"""Reads of the transfers between two unions, through the user's scope: a request is seen by the
users who read either of its unions (else it is as if it did not exist); the receiving union
sees the member's name, birth year and sending union, and the full record only once it has
taken the member in. The receiver search runs over every open grassroots union in the country,
and tells of each its name and code, nothing more."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from congdoan.accounts.scope import Scope, scope_for
from congdoan.core.text import fold, normalize_text
from congdoan.members.models import Person, TransferRequest, TransferStatus
from congdoan.members.selectors import readable_people
from congdoan.org.models import Level, Unit, UnitVersion
from congdoan.org.selectors import last_version, name_units

RECEIVER_LOOKUP_LIMIT = 20
CODE_ECHO = 40
SIDES = ("in", "out")


def visible_transfers(scope: Scope) -> QuerySet[TransferRequest]:
    """The requests of which the user reads the sending or the receiving union."""
    requests = TransferRequest.objects.select_related(
        "person", "from_unit__unit_type", "to_unit__unit_type"
    )
    if scope.everything:
        return requests
    units = scope.units().values("pk")
    return requests.filter(Q(from_unit_id__in=units) | Q(to_unit_id__in=units))


def _subtree(unit: Unit) -> QuerySet[UnitVersion]:
    return UnitVersion.objects.filter(path__startswith=last_version(unit).path).values("unit_id")


def unit_transfers(scope: Scope, unit: Unit, side: str) -> QuerySet[TransferRequest]:
    """Requests into ("in") or out of ("out") the unit or the unions under it."""
    field = "to_unit_id__in" if side == "in" else "from_unit_id__in"
    return visible_transfers(scope).filter(**{field: _subtree(unit)})


def status_counts(requests: QuerySet[TransferRequest]) -> dict[str, int]:
    """How many requests of each status (every status named, 0 where there is none)."""
    found = dict(requests.order_by().values_list("status").annotate(n=Count("pk")))
    return {status: found.get(status, 0) for status in TransferStatus.values}


def named(requests) -> list[TransferRequest]:
    """The requests, both unions' names set at once (for a list that shows them)."""
    rows = list(requests)
    name_units([unit for row in rows for unit in (row.from_unit, row.to_unit)])
    return rows


def person_transfers(person: Person) -> list[TransferRequest]:
    """Every request made for the person, newest first: both steps of each, for their record."""
    return named(
        person.transfer_requests.select_related("from_unit", "to_unit").order_by(
            "-requested_at", "-pk"
        )
    )


def reads_person(scope: Scope, person: Person) -> bool:
    """Whether the user may open the person's record (a union of theirs in the scope)."""
    return readable_people(scope).filter(pk=person.pk).exists()


def _receivers(today: date) -> QuerySet[UnitVersion]:
    return UnitVersion.objects.valid_on(today).filter(
        unit__ended_on__isnull=True,
        unit__established_on__lte=today,
        unit__unit_type__level=Level.GRASSROOTS,
    )


def transfer_receivers(text: str, today: date) -> list[dict]:
    """Open grassroots unions anywhere whose name has every word typed, or whose code is the
    text: code and name only."""
    words = fold(text).split()
    if not words:
        return []
    found = _receivers(today).select_related("unit")
    code = normalize_text(text).upper()
    by_name = found
    for word in words:
        by_name = by_name.filter(unit__search_text__contains=f" {word}")
    rows = (by_name | found.filter(unit__code=code)).order_by("sort_key")[:RECEIVER_LOOKUP_LIMIT]
    return [{"code": v.unit.code, "name": v.name, "detail": ""} for v in rows]


def receiver_by_code(code: str, today: date) -> Unit:
    """The open grassroots union with this code, anywhere; any other code (none, ended, not a
    grassroots union) answers the same words."""
    wanted = normalize_text(code or "").upper()
    version = _receivers(today).select_related("unit__unit_type").filter(unit__code=wanted).first()
    if version is None:
        raise ValidationError(
            _("Không tìm thấy công đoàn cơ sở đang hoạt động mã %(code)s.")
            % {"code": wanted[:CODE_ECHO]},
            code="not_found",
        )
    return version.unit


@dataclass(frozen=True)
class WaitingTransfer:
    """One request waiting for the user's answer, as the inbox lists it."""

    pk: int
    member_name: str
    from_unit_name: str
    to_unit_name: str
    requested_at: datetime
    url: str


def waiting_on(scope: Scope) -> QuerySet[TransferRequest]:
    """Requests waiting at a union whose registry the user keeps by a role on it or above it
    (the receiving side). The administrator, who holds no union, is waited on by none."""
    kept = UnitVersion.objects.open().filter(_under_any(scope.member_edit_paths))
    requests = TransferRequest.objects.filter(
        status=TransferStatus.WAITING, to_unit_id__in=kept.values("unit_id")
    )
    return requests.select_related("person", "from_unit", "to_unit").order_by("requested_at", "pk")


def _under_any(paths: tuple[str, ...]) -> Q:
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(path__startswith=path)
    return query


def transfer_requests_waiting_on(user) -> list[WaitingTransfer]:
    """The transfer requests waiting for this user's acceptance, oldest first, each with the
    member's name, the sending union's name, the day asked and the page to answer it on."""
    rows = named(waiting_on(scope_for(user)))
    return [
        WaitingTransfer(
            pk=row.pk,
            member_name=row.person.full_name,
            from_unit_name=row.from_unit.latest_name,
            to_unit_name=row.to_unit.latest_name,
            requested_at=row.requested_at,
            url=reverse("members:transfer_detail", args=[row.pk]),
        )
        for row in rows
    ]
