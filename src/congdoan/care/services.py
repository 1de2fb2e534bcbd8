"""Writes of the care programmes: a programme, one support to one person, a union's totals.
One transaction each, scope checked, audited. The programme row is locked by every write, so
two imports of the same list at once support each person once, and a union's itemised list and
its totals are never both kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.audit.services import audit_record
from congdoan.care.models import (
    Beneficiary,
    CareProgramme,
    CareTotals,
    CareTotalsMoney,
    Form,
    ProgrammeBudget,
    Reason,
    Source,
    Support,
)
from congdoan.care.selectors import takes_part
from congdoan.core.text import normalize_text
from congdoan.members.models import Person
from congdoan.org.models import Unit, UnitVersion

ABSURD = 10**12  # no single support or union's total of a source reaches a thousand billion đồng


def _require_keeper(actor, unit: Unit) -> None:
    if not scope_for(actor).can_edit_members(unit):
        raise PermissionDenied(_("Bạn không có quyền ghi hỗ trợ của đơn vị này."))


def _require_in_programme(programme: CareProgramme, unit: Unit) -> None:
    if not takes_part(programme, unit):
        raise ValidationError(
            {"unit": _("Đơn vị này không thuộc phạm vi của chương trình chăm lo.")}
        )


def _clean_budget(budget: dict[str, int]) -> dict[str, int]:
    errors = {}
    for source, amount in budget.items():
        if source not in Source.values:
            errors["budget"] = _("Chọn nguồn kinh phí.")
        elif not isinstance(amount, int) or not 0 <= amount < ABSURD:
            errors[f"budget_{source}"] = _("Kinh phí dự kiến phải là số tiền không âm hợp lý.")
    if errors:
        raise ValidationError(errors)
    return {source: amount for source, amount in budget.items() if amount}


def _clean_participants(owner: Unit, units: list[Unit], day: date) -> list[Unit]:
    """The units taking part stand under the owner on the programme's last day."""
    versions = UnitVersion.objects.valid_on(day)
    owner_path = versions.filter(unit=owner).values_list("path", flat=True).first() or "-"
    inside = set(
        versions.under(owner_path).filter(unit__in=units).values_list("unit_id", flat=True)
    )
    if any(unit.pk not in inside for unit in units):
        raise ValidationError(
            {"units": _("Đơn vị tham gia phải trực thuộc đơn vị tổ chức chương trình.")}
        )
    return units


@transaction.atomic
def programme_create(
    *, actor, owner: Unit, name: str, starts_on: date, ends_on: date, ceiling: int,
    allows_repeat: bool = False, budget: dict[str, int] | None = None,
    units: list[Unit] | None = None,
) -> CareProgramme:  # fmt: skip
    """Open a care programme of a unit for a period, with a ceiling for one support, the
    budget by source and the units taking part (none named: every union under the owner)."""
    _require_keeper(actor, owner)
    errors = {}
    if not normalize_text(name):
        errors["name"] = _("Ghi tên chương trình.")
    if ends_on < starts_on:
        errors["ends_on"] = _("Ngày kết thúc không được trước ngày bắt đầu.")
    if not isinstance(ceiling, int) or not 0 < ceiling < ABSURD:
        errors["ceiling"] = _("Mức hỗ trợ tối đa phải là số tiền dương hợp lý.")
    if errors:
        raise ValidationError(errors)
    planned = _clean_budget(budget or {})
    taking_part = _clean_participants(owner, list(units or []), ends_on)
    programme = CareProgramme.objects.create(
        owner=owner, name=normalize_text(name), starts_on=starts_on, ends_on=ends_on,
        ceiling=ceiling, allows_repeat=allows_repeat,
    )  # fmt: skip
    programme.units.set(taking_part)
    ProgrammeBudget.objects.bulk_create(
        ProgrammeBudget(programme=programme, source=s, amount=a) for s, a in planned.items()
    )
    audit_record(
        actor=actor, action="care.programme_create", unit=owner, target=programme.name,
        after={"name": programme.name, "starts_on": str(starts_on), "ends_on": str(ends_on),
               "ceiling": ceiling, "allows_repeat": allows_repeat, "budget": planned,
               "units": sorted(unit.code for unit in taking_part)},
    )  # fmt: skip
    return programme


@dataclass(frozen=True)
class SupportInput:
    full_name: str
    reason: str
    form: str
    value: int
    source: str
    given_on: date
    person: Person | None = None
    birth_date: date | None = None
    citizen_id: str = ""
    delivered: bool = True


def _clean_support(programme: CareProgramme, row: SupportInput) -> dict:
    errors = {}
    if row.person is None and not normalize_text(row.full_name):
        errors["full_name"] = _("Ghi họ và tên người được hỗ trợ.")
    if row.citizen_id and not (row.citizen_id.isdigit() and len(row.citizen_id) == 12):
        errors["citizen_id"] = _("Số CCCD gồm đúng 12 chữ số.")
    if row.reason not in Reason.values:
        errors["reason"] = _("Chọn lý do hỗ trợ.")
    if row.form not in Form.values:
        errors["form"] = _("Chọn hình thức hỗ trợ.")
    if row.source not in Source.values:
        errors["source"] = _("Chọn nguồn hỗ trợ.")
    if not isinstance(row.value, int) or row.value <= 0:
        errors["value"] = _("Giá trị hỗ trợ phải là số tiền dương.")
    elif row.value > programme.ceiling:
        errors["value"] = _(
            "Giá trị hỗ trợ vượt mức tối đa của chương trình (%(ceiling)s đồng)."
        ) % {"ceiling": f"{programme.ceiling:,}".replace(",", ".")}
    if not programme.starts_on <= row.given_on <= programme.ends_on:
        errors["given_on"] = _("Ngày hỗ trợ nằm ngoài thời gian của chương trình.")
    if errors:
        raise ValidationError(errors)
    return {}


def _require_no_totals(programme: CareProgramme, unit: Unit) -> None:
    if CareTotals.objects.filter(programme=programme, unit=unit).exists():
        raise ValidationError(
            _(
                "Đơn vị này đã báo số tổng hợp cho chương trình; "
                "không ghi thêm danh sách từng người."
            )
        )


def _keys(row: SupportInput) -> list[tuple[str, object]]:
    """How a row's person is known in a programme: as a member, by CCCD, or both."""
    person = row.person
    citizen_id = person.citizen_id if person is not None and person.citizen_id else row.citizen_id
    keys: list[tuple[str, object]] = [("person", person.pk)] if person is not None else []
    return keys + ([("cccd", citizen_id)] if citizen_id else [])


class _People:
    """The programme's people a list may name, read in one query, and those the list adds:
    one support per person (unless the programme allows more), by one union only."""

    def __init__(self, programme: CareProgramme, rows: list[SupportInput]):
        self.programme = programme
        self.known: dict[tuple[str, object], Beneficiary] = {}
        self.read(rows)

    def read(self, rows: list[SupportInput]) -> None:
        """Learn, in one query, the programme's people these rows name that are not known yet
        (an importer reads its file chunk by chunk)."""
        keys = [key for row in rows for key in _keys(row) if key not in self.known]
        people = {value for kind, value in keys if kind == "person"}
        cccds = {value for kind, value in keys if kind == "cccd"}
        if not keys:
            return
        found = Beneficiary.objects.filter(programme=self.programme).filter(
            Q(person_id__in=people) | Q(citizen_id__in=cccds)
        )
        for beneficiary in found:
            self._know(beneficiary)

    def _know(self, beneficiary: Beneficiary) -> None:
        if beneficiary.person_id is not None:
            self.known[("person", beneficiary.person_id)] = beneficiary
        if beneficiary.citizen_id:
            self.known[("cccd", beneficiary.citizen_id)] = beneficiary

    def settle(self, unit: Unit, row: SupportInput) -> tuple[Beneficiary, bool]:
        """The row's beneficiary (and whether it is new), or ValidationError."""
        _clean_support(self.programme, row)
        keys = _keys(row)
        beneficiary = next((self.known[key] for key in keys if key in self.known), None)
        if beneficiary is not None:
            if beneficiary.unit_id != unit.pk:
                raise ValidationError(
                    _("Người này đã được một công đoàn khác hỗ trợ trong chương trình này.")
                )
            if not self.programme.allows_repeat:
                raise ValidationError(_("Người này đã được hỗ trợ trong chương trình này."))
            return beneficiary, False
        person = row.person
        beneficiary = Beneficiary(
            programme=self.programme, unit=unit, person=person,
            full_name=person.full_name if person is not None else normalize_text(row.full_name),
            birth_date=person.birth_date if person is not None else row.birth_date,
            citizen_id=next((value for kind, value in keys if kind == "cccd"), ""),
            reason=row.reason,
        )  # fmt: skip
        self._know(beneficiary)
        return beneficiary, True


def _support_of(beneficiary: Beneficiary, row: SupportInput) -> Support:
    return Support(
        beneficiary=beneficiary, form=row.form, value=row.value, source=row.source,
        given_on=row.given_on, delivered=row.delivered,
    )  # fmt: skip


def _locked(programme: CareProgramme) -> CareProgramme:
    return CareProgramme.objects.select_for_update().get(pk=programme.pk)


def supports_open(*, actor, programme: CareProgramme, unit: Unit) -> CareProgramme:
    """Inside the caller's transaction: check the union may record supports in the programme
    and lock it (the programme returned is the locked row), for a `SupportBatch`."""
    _require_keeper(actor, unit)
    programme = _locked(programme)
    _require_in_programme(programme, unit)
    _require_no_totals(programme, unit)
    return programme


class SupportBatch:
    """A union's supports added chunk by chunk (an importer's file), inside the transaction of
    `supports_open`, which locked the programme: each chunk's people read in one query, every
    row settled or refused on its own under the same rules as `supports_record`, the accepted
    rows written in bulk (or, for a preview, only remembered, so that later rows see them)."""

    def __init__(self, programme: CareProgramme, unit: Unit, *, write: bool = True):
        self.unit, self.write = unit, write
        self.people = _People(programme, [])

    def add(self, rows: list[SupportInput]) -> list[str]:
        """Per row, why it is refused ("" when it is kept)."""
        self.people.read(rows)
        settled, reasons = [], []
        for row in rows:
            try:
                settled.append((*self.people.settle(self.unit, row), row))
            except ValidationError as error:
                reasons.append(" ".join(error.messages))
            else:
                reasons.append("")
        if self.write:
            _write_supports(settled)
        return reasons


def _write_supports(settled: list[tuple[Beneficiary, bool, SupportInput]]) -> list[Support]:
    """The new people, then every support, in bulk (the people's ids come back with them)."""
    Beneficiary.objects.bulk_create([b for b, new, _row in settled if new], batch_size=1000)
    return Support.objects.bulk_create(
        [_support_of(b, row) for b, _new, row in settled], batch_size=1000
    )


def supports_audit(*, actor, programme: CareProgramme, unit: Unit, made: list[Support]) -> None:
    audit_record(
        actor=actor, action="care.supports_record", unit=unit, target=programme.name,
        after={"supports": len(made), "money": sum(s.value for s in made)},
    )  # fmt: skip


@transaction.atomic
def supports_record(
    *, actor, programme: CareProgramme, unit: Unit, rows: list[SupportInput]
) -> list[Support]:
    """Record supports given by a union: all rows or none. A person is supported once in a
    programme (unless it allows more), and by one union only. The rows are settled in memory
    against the programme's people read in one query, then written in bulk."""
    programme = supports_open(actor=actor, programme=programme, unit=unit)
    people, settled, errors = _People(programme, rows), [], []
    for number, row in enumerate(rows, start=1):
        try:
            settled.append((*people.settle(unit, row), row))
        except ValidationError as error:
            errors.append(
                _("Dòng %(n)s: %(error)s") % {"n": number, "error": "; ".join(error.messages)}
            )
    if errors:
        raise ValidationError(errors)
    made = _write_supports(settled)
    supports_audit(actor=actor, programme=programme, unit=unit, made=made)
    return made


@transaction.atomic
def totals_record(
    *, actor, programme: CareProgramme, unit: Unit, people: int, money: dict[str, int],
    people_by_source: dict[str, int] | None = None,
) -> CareTotals:  # fmt: skip
    """Record a union's totals instead of a list, or replace them: how many people it
    supported, and by source the money and how many received from it (a report naming one
    source may leave that out: all its people received from it)."""
    _require_keeper(actor, unit)
    programme = _locked(programme)
    _require_in_programme(programme, unit)
    if Beneficiary.objects.filter(programme=programme, unit=unit).exists():
        raise ValidationError(
            _("Đơn vị này đã ghi danh sách từng người được hỗ trợ; không báo thêm số tổng hợp.")
        )
    given = {source: amount for source, amount in money.items() if amount}
    receivers = _receivers(people, given, people_by_source)
    _check_totals(programme, people, money, receivers)
    totals, _created = CareTotals.objects.update_or_create(
        programme=programme, unit=unit, defaults={"people": people}
    )
    before = {row.source: [row.money, row.people] for row in totals.amounts.all()}
    totals.amounts.all().delete()
    CareTotalsMoney.objects.bulk_create(
        CareTotalsMoney(totals=totals, source=s, money=m, people=receivers[s])
        for s, m in given.items()
    )
    audit_record(
        actor=actor, action="care.totals_record", unit=unit, target=programme.name,
        before=before, after={"people": people, **{s: [m, receivers[s]] for s, m in given.items()}},
    )  # fmt: skip
    return totals


def _receivers(
    people: int, given: dict[str, int], people_by_source: dict[str, int] | None
) -> dict[str, int]:
    """How many received from each source with money: as reported, or all the people when
    the report names one source only."""
    if people_by_source is None and len(given) <= 1:
        return {source: people for source in given}
    reported = people_by_source or {}
    missing = [s for s in given if not reported.get(s)]
    if missing:
        raise ValidationError(
            {f"people_{s}": _("Ghi số người nhận từ nguồn này.") for s in missing}
        )
    return {source: reported[source] for source in given}


def _check_totals(programme, people: int, money: dict[str, int], receivers: dict[str, int]):
    errors = {}
    if not isinstance(people, int) or not 0 < people < 10**7:
        errors["people"] = _("Số người được hỗ trợ phải là số dương hợp lý.")
    for source, amount in money.items():
        if source not in Source.values:
            errors["source"] = _("Chọn nguồn hỗ trợ.")
        elif not isinstance(amount, int) or not 0 <= amount < ABSURD:
            errors[source] = _("Số tiền phải là số không âm hợp lý.")
        elif isinstance(people, int) and receivers.get(source, 0) > people:
            errors[f"people_{source}"] = _(
                "Số người nhận từ một nguồn không vượt quá số người được hỗ trợ."
            )
        elif amount > receivers.get(source, 0) * programme.ceiling:
            errors[source] = _("Số tiền vượt mức tối đa của chương trình cho số người đã báo.")
    if not any(money.values()):
        errors.setdefault("money", _("Ghi số tiền của ít nhất một nguồn."))
    if errors:
        raise ValidationError(errors)
