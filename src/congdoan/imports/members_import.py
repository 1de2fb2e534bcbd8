"""Import a member list: each row becomes a new member, an update, no change, a duplicate, a
rejection with its reason, or a skipped line — a thousand rows at a time, memory flat.

The same pass runs twice: `write=False` for the preview (only the outcomes are stored) and
`write=True` for the commit, inside one transaction (all rows or none).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from functools import reduce
from itertools import islice
from operator import or_

from django.db.models import Q
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.core.bulk import TableWriter, reserve_ids
from congdoan.core.text import fold, name_sort_key, search_text
from congdoan.figures.keep import units_changed
from congdoan.imports.cells import text
from congdoan.imports.member_rows import MemberRow, References, name_key, read_member_row
from congdoan.imports.models import ImportJob, ImportRow, Outcome
from congdoan.members.lookups import outside_citizen_id
from congdoan.members.models import EntryKind, Membership, Person
from congdoan.members.selectors import readable_people
from congdoan.org.models import Unit

CHUNK = 1000
PAIRS_PER_QUERY = 200  # SQLite parses at most 1,000 nested terms
COMPARED = [
    "family_name", "middle_name", "given_name", "birth_date", "birth_year_only", "gender",
    "citizen_id",
    "party_joined_on", "ethnicity", "religion", "phone", "address", "job", "hometown",
    "education", "qualification",
]  # fmt: skip


class MemberImport:
    def __init__(
        self,
        job: ImportJob,
        grassroots: dict[str, Unit],
        *,
        write: bool,
        progress: Callable[[int], None] = lambda done: None,
    ) -> None:
        self.job = job
        self.grassroots = grassroots  # the unions rows may name, by folded code and name
        units = {unit.pk: unit for unit in grassroots.values()}
        self.only_unit = next(iter(units.values())) if len(units) == 1 else None
        self.write = write
        self.progress = progress
        self.refs = References()
        self.scope = scope_for(job.created_by)  # whom the importing officer may know of
        self.readable: set[int] = set()
        self.counts: Counter[str] = Counter()

    def run(self, rows: Iterator[tuple[int, list]]) -> dict[str, int]:
        done = 0
        while chunk := list(islice(rows, CHUNK)):
            parsed = [self._read(number, row) for number, row in chunk]
            self._settle(parsed)
            done += len(chunk)
            self.progress(done)
        return {"read": done, **{outcome: self.counts[outcome] for outcome in Outcome.values}}

    def _read(self, number: int, row: list) -> MemberRow:
        return read_member_row(
            number, row, self.job.mapping, joined_on=self.job.joined_on, refs=self.refs
        )

    def _settle(self, parsed: list[MemberRow]) -> None:
        rows = [row for row in parsed if not row.skipped and not row.reason]
        self._place(rows)
        rows = [row for row in rows if not row.reason]
        earlier = self._earlier_rows(rows)
        people = self._matches(rows)
        self.readable = set(
            readable_people(self.scope)
            .filter(pk__in=[person.pk for person in people.values()])
            .values_list("pk", flat=True)
        )
        open_units = _open_units(people.values())
        records, new_rows, changed = [], [], []
        for row in parsed:
            outcome, person = self._decide(row, earlier, people, open_units, changed)
            if outcome == Outcome.NEW:
                new_rows.append(row)
            records.append((row, outcome, person))
            self.counts[outcome] += 1
        if self.write:
            self._write(new_rows, changed)
        self._record(records)

    # --- where each row goes and who it is ---------------------------------------------------

    def _place(self, rows: list[MemberRow]) -> None:
        for row in rows:
            if self.only_unit is not None and not row.grassroots:
                unit = self.only_unit
            else:
                unit = self.grassroots.get(fold(row.grassroots)) if row.grassroots else None
            if unit is None:
                row.reason = (
                    _("Không tìm thấy công đoàn cơ sở “%(name)s” trong đơn vị nhập.")
                    % {"name": row.grassroots}
                    if row.grassroots
                    else _("Chưa ghi công đoàn cơ sở của đoàn viên (mã hoặc tên).")
                )
            elif row.joined_on is None:
                row.reason = _("Thiếu ngày vào công đoàn.")
            else:
                row.unit_id = unit.pk
                row.values["_unit"] = unit

    def _earlier_rows(self, rows: list[MemberRow]) -> dict[str, int]:
        keys = [row.key for row in rows]
        found = ImportRow.objects.filter(job=self.job, key__in=keys).exclude(
            outcome__in=[Outcome.REJECTED, Outcome.SKIPPED]
        )
        return dict(found.values_list("key", "number"))

    def _matches(self, rows: list[MemberRow]) -> dict[str, Person]:
        """People already registered: by CCCD anywhere, else by name and birth date among the
        members of the unions being imported into."""
        ids = [row.values["citizen_id"] for row in rows if row.values["citizen_id"]]
        people = {p.citizen_id: p for p in Person.objects.filter(citizen_id__in=ids)}
        unnamed = [row for row in rows if not row.values["citizen_id"]]
        for person in _namesakes(unnamed):
            people.setdefault(name_key(person.full_name, person.birth_date), person)
        return people

    def _decide(self, row, earlier, people, open_units, changed) -> tuple[str, Person | None]:
        if row.skipped:
            return Outcome.SKIPPED, None
        if row.reason:
            return Outcome.REJECTED, None
        if row.key in earlier:
            row.reason = _("Trùng với dòng %(row)s của tệp.") % {"row": earlier[row.key]}
            return Outcome.DUPLICATE, None
        earlier[row.key] = row.number
        person = people.get(row.key)
        if person is None:
            return Outcome.NEW, None
        if person.pk not in self.readable:  # a CCCD registered outside the officer's scope
            row.reason = outside_citizen_id(row.values["citizen_id"])
            return Outcome.REJECTED, None
        refusal = _refusal(row, person, open_units.get(person.pk))
        if refusal:
            row.reason = refusal
            return Outcome.REJECTED, None
        if _apply_changes(person, row):
            changed.append(person)
            return Outcome.UPDATE, person
        return Outcome.UNCHANGED, person

    # --- writing --------------------------------------------------------------------------------

    def _write(self, new_rows: list[MemberRow], changed: list[Person]) -> None:
        people, memberships = TableWriter(Person), TableWriter(Membership)
        units = {row.values["_unit"].pk for row in new_rows}
        for row, pk in zip(new_rows, reserve_ids(Person, len(new_rows)), strict=True):
            unit = row.values.pop("_unit")
            row.values["person_id"] = pk
            people.add(_person_row(pk, row))
            memberships.add(_membership_row(pk, unit, row.joined_on))
        people.flush()
        memberships.flush()
        if changed:
            for person in changed:
                person.refresh_derived()
            Person.objects.bulk_update(changed, [*COMPARED, "sort_key", "search_text"])
            units.update(
                Membership.objects.filter(person__in=changed).values_list("unit_id", flat=True)
            )
        units_changed(units)  # written in bulk: no signal counts the unions again

    def _record(self, records) -> None:
        writer = TableWriter(ImportRow)
        for row, outcome, person in records:
            kept = outcome in (Outcome.REJECTED, Outcome.DUPLICATE)
            writer.add(
                {
                    "job_id": self.job.pk,
                    "number": row.number,
                    "outcome": outcome,
                    "reason": row.reason,
                    "key": row.key[:200],
                    "name": row.name[:300],
                    "person_id": person.pk if person else row.values.get("person_id"),
                    "original": [text(cell) for cell in row.cells] if kept else None,
                }
            )
        writer.flush()


def _namesakes(rows: list[MemberRow]) -> Iterator[Person]:
    """Members of the rows' unions with a row's name and birth date: each (name, birth date)
    pair looked up by the index on both, so the cost follows the rows, not the union's size
    (a set of names and a set of dates would match every namesake born on any of the dates)."""
    pairs = sorted({(_sort_key(row.values), row.values["birth_date"]) for row in rows}, key=str)
    pairs = [(key, born) for key, born in pairs if born is not None]
    if not pairs:
        return
    members = Membership.objects.filter(
        ended_on__isnull=True, unit__in={row.unit_id for row in rows}
    ).values("person_id")
    for start in range(0, len(pairs), PAIRS_PER_QUERY):
        batch = pairs[start : start + PAIRS_PER_QUERY]
        same = reduce(or_, (Q(sort_key=key, birth_date=born) for key, born in batch))
        yield from Person.objects.filter(same, pk__in=members)


def _sort_key(values: dict) -> str:
    return name_sort_key(values["family_name"], values["middle_name"], values["given_name"])


def _open_units(people) -> dict[int, int]:
    open_memberships = Membership.objects.filter(person__in=list(people), ended_on__isnull=True)
    return dict(open_memberships.values_list("person_id", "unit_id"))


def _refusal(row: MemberRow, person: Person, unit_id: int | None) -> str:
    if fold(person.full_name) != fold(row.name):
        return _("Số CCCD %(number)s đã có trong hệ thống với họ tên khác; kiểm tra lại.") % {
            "number": row.values["citizen_id"]
        }
    if unit_id is None:
        return _("Người này đã rời tổ chức công đoàn; kết nạp lại từ hồ sơ của người đó.")
    if unit_id != row.unit_id:
        return _(
            "Người này đang sinh hoạt ở công đoàn cơ sở khác; dùng chức năng chuyển sinh hoạt."
        )
    return ""


def _apply_changes(person: Person, row: MemberRow) -> bool:
    changed = False
    for name in COMPARED:
        if name in row.given and getattr(person, name) != row.values[name]:
            setattr(person, name, row.values[name])
            changed = True
    return changed


def _person_row(pk: int, row: MemberRow) -> dict:
    values = {name: row.values[name] for name in COMPARED if name not in ("ethnicity", "religion")}
    for name in ("ethnicity", "religion"):
        values[f"{name}_id"] = row.values[name].pk if row.values[name] else None
    return {
        "id": pk,
        **values,
        "id_issued_on": row.values.get("id_issued_on"),
        "id_issued_by": row.values.get("id_issued_by", ""),
        "party_confirmed_on": row.values.get("party_confirmed_on"),
        "union_joined_on": row.joined_on,
        "sort_key": _sort_key(row.values),
        "search_text": search_text(row.name),
    }


def _membership_row(person_id: int, unit: Unit, joined_on) -> dict:
    before_unit = joined_on < unit.established_on
    return {
        "person_id": person_id,
        "unit_id": unit.pk,
        "started_on": unit.established_on if before_unit else joined_on,
        "entry_kind": EntryKind.LISTED if before_unit else EntryKind.ADMISSION,
    }
