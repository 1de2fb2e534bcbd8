"""Import a union's list of people supported in a care programme: every row goes through the
care service's own rules (ceiling, dates, once per programme, one union), in a savepoint;
the preview runs the same and rolls back. The programme stays locked for the whole run, so two
imports at once support each person once. The run is audited as every import is."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.care.selectors import member_by_citizen_id
from congdoan.care.services import support_add, supports_open
from congdoan.core.bulk import TableWriter
from congdoan.imports.care_rows import CareRow, read_care_row
from congdoan.imports.cells import text
from congdoan.imports.models import ImportJob, ImportRow, Outcome


class CareImport:
    def __init__(self, job: ImportJob, *, write: bool, progress: Callable[[int], None]):
        self.job = job
        self.write = write
        self.progress = progress
        self.counts: Counter[str] = Counter()
        self.seen: dict[str, int] = {}
        self.given_on = job.joined_on or timezone.localdate()

    def run(self, rows: Iterator[tuple[int, list]]) -> dict[str, int]:
        job = self.job
        try:
            self.programme = supports_open(
                actor=job.created_by, programme=job.care_programme, unit=job.unit
            )
        except (ValidationError, PermissionDenied) as error:
            raise ValidationError(" ".join(getattr(error, "messages", [str(error)]))) from None
        writer, done = TableWriter(ImportRow, batch=1000), 0
        for number, cells in rows:
            row = read_care_row(number, cells, job.mapping, self.given_on)
            outcome = self._settle(row)
            self.counts[outcome] += 1
            writer.add(self._record(row, outcome))
            done += 1
            if done % 100 == 0:
                self.progress(done)
        writer.flush()
        self.progress(done)
        return {"read": done, **{outcome: self.counts[outcome] for outcome in Outcome.values}}

    def _settle(self, row: CareRow) -> str:
        if row.skipped:
            return Outcome.SKIPPED
        if row.reason:
            return Outcome.REJECTED
        if row.citizen_id and row.citizen_id in self.seen:
            row.reason = _("Trùng số CCCD với dòng %(row)s của tệp.") % {
                "row": self.seen[row.citizen_id]
            }
            return Outcome.DUPLICATE
        if row.citizen_id:
            self.seen[row.citizen_id] = row.number
        person = member_by_citizen_id(self.job.unit, row.citizen_id)
        savepoint = transaction.savepoint()
        try:
            support_add(self.programme, self.job.unit, replace(row.support, person=person))
        except ValidationError as error:
            transaction.savepoint_rollback(savepoint)
            row.reason = " ".join(error.messages)
            return Outcome.REJECTED
        if self.write:
            transaction.savepoint_commit(savepoint)
        else:
            transaction.savepoint_rollback(savepoint)
        return Outcome.NEW

    def _record(self, row: CareRow, outcome: str) -> dict:
        kept = outcome in (Outcome.REJECTED, Outcome.DUPLICATE)
        return {
            "job_id": self.job.pk,
            "number": row.number,
            "outcome": outcome,
            "reason": row.reason,
            "key": row.key[:200],
            "name": row.full_name[:300],
            "original": [text(cell) for cell in row.cells] if kept else None,
        }
