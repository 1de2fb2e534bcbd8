"""Import a list of grassroots unions under the import's unit: each row is established through
the organisation service (decision, audit), so the preview runs the very same service in a
savepoint it then rolls back."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.accounts.lookups import unit_in_scope
from congdoan.accounts.scope import scope_for
from congdoan.core.bulk import TableWriter
from congdoan.core.text import fold, normalize_text
from congdoan.imports.cells import text
from congdoan.imports.models import ImportJob, ImportRow, Outcome
from congdoan.imports.unit_rows import UnitRow, read_unit_row
from congdoan.org.models import Sector, Unit, UnitType, UnitVersion
from congdoan.org.services import DecisionInput, unit_establish

GRASSROOTS_TYPE = "grassroots"


class UnitImport:
    def __init__(self, job: ImportJob, *, write: bool, progress: Callable[[int], None]):
        self.job = job
        self.write = write
        self.progress = progress
        self.sectors = {fold(s.name): s for s in Sector.objects.all()}
        self.sectors |= {fold(s.code): s for s in self.sectors.values()}
        self.unit_type = UnitType.objects.get(code=GRASSROOTS_TYPE)
        self.counts: Counter[str] = Counter()
        self.seen: dict[str, int] = {}
        self.scope = scope_for(job.created_by)
        self.parents: dict[str, Unit] = {}
        user = job.created_by
        self._signer = normalize_text(user.get_full_name()) or user.get_username()

    def run(self, rows: Iterator[tuple[int, list]]) -> dict[str, int]:
        writer, done = TableWriter(ImportRow, batch=1000), 0
        for number, cells in rows:
            row = read_unit_row(number, cells, self.job.mapping, self.sectors)
            outcome = self._settle(row)
            self.counts[outcome] += 1
            writer.add(self._record(row, outcome))
            done += 1
            if done % 100 == 0:
                self.progress(done)
        writer.flush()
        self.progress(done)
        return {"read": done, **{outcome: self.counts[outcome] for outcome in Outcome.values}}

    def _settle(self, row: UnitRow) -> str:
        if row.skipped:
            return Outcome.SKIPPED
        if row.reason:
            return Outcome.REJECTED
        if row.code in self.seen:
            row.reason = _("Trùng mã với dòng %(row)s của tệp.") % {"row": self.seen[row.code]}
            return Outcome.DUPLICATE
        self.seen[row.code] = row.number
        try:  # the parent a row names: in the importer's scope, at or under the import's unit
            parent = self._parent(row)
        except ValidationError as error:
            row.reason = " ".join(error.messages)
            return Outcome.REJECTED
        existing = Unit.objects.filter(code=row.code).first()
        if existing is not None:
            return self._compare(row, existing)
        return self._establish(row, parent)

    def _parent(self, row: UnitRow) -> Unit:
        code = self._parent_code(row)
        if code not in self.parents:
            self.parents[code] = unit_in_scope(code, self.scope, under=self.job.unit)
        return self.parents[code]

    def _compare(self, row: UnitRow, unit: Unit) -> str:
        current = UnitVersion.objects.open().filter(unit=unit).select_related("parent").first()
        same_parent = current and current.parent and current.parent.code == self._parent_code(row)
        if current and fold(current.name) == fold(row.name) and same_parent:
            return Outcome.UNCHANGED
        row.reason = _(
            "Mã %(code)s đã có trong hệ thống với tên hoặc cấp trên khác; đổi tên, chuyển đơn vị "
            "làm qua Sắp xếp tổ chức (có quyết định)."
        ) % {"code": row.code}
        return Outcome.REJECTED

    def _parent_code(self, row: UnitRow) -> str:
        return row.parent_code or self.job.unit.code

    def _establish(self, row: UnitRow, parent: Unit) -> str:
        savepoint = transaction.savepoint()
        try:
            unit_establish(
                actor=self.job.created_by,
                code=row.code,
                name=row.name,
                unit_type=self.unit_type,
                parent=parent,
                effective=row.established_on or self.job.joined_on,
                decision=DecisionInput(
                    number=row.decision_number or self.job.decision_number,
                    signed_on=row.established_on or self.job.joined_on,
                    signer=self._signer,
                ),
                short_name=row.short_name,
                sector=row.sector,
                address=row.address,
            )
        except (ValidationError, PermissionDenied) as error:
            transaction.savepoint_rollback(savepoint)
            row.reason = " ".join(getattr(error, "messages", [str(error)]))
            return Outcome.REJECTED
        if self.write:
            transaction.savepoint_commit(savepoint)
        else:
            transaction.savepoint_rollback(savepoint)
        return Outcome.NEW

    def _record(self, row: UnitRow, outcome: str) -> dict:
        kept = outcome in (Outcome.REJECTED, Outcome.DUPLICATE)
        return {
            "job_id": self.job.pk,
            "number": row.number,
            "outcome": outcome,
            "reason": row.reason,
            "key": row.key[:200],
            "name": row.name[:300],
            "original": [text(cell) for cell in row.cells] if kept else None,
        }
