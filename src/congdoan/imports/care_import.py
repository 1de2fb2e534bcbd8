"""Import a union's list of people supported in a care programme: every row goes through the
care service's own rules (ceiling, dates, once per programme, one union), refused on its own
with the reason; the rows are settled chunk by chunk, each chunk's members and people of the
programme read at once and its accepted rows written in bulk (`SupportBatch`), so that a chunk
costs the same few queries whatever its size. The preview settles the same and writes nothing.
The programme stays locked for the whole run, so two imports at once support each person once.
The run is audited as every import is."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import islice

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.care.selectors import members_by_citizen_id
from congdoan.care.services import SupportBatch, supports_open
from congdoan.core.bulk import TableWriter
from congdoan.imports.care_rows import CareRow, read_care_row
from congdoan.imports.cells import text
from congdoan.imports.models import ImportJob, ImportRow, Outcome

CHUNK = 1000  # rows settled and written together


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
            programme = supports_open(
                actor=job.created_by, programme=job.care_programme, unit=job.unit
            )
        except (ValidationError, PermissionDenied) as error:
            raise ValidationError(" ".join(getattr(error, "messages", [str(error)]))) from None
        self.batch = SupportBatch(programme, job.unit, write=self.write)
        writer, done = TableWriter(ImportRow, batch=CHUNK), 0
        while chunk := list(islice(rows, CHUNK)):
            parsed = [read_care_row(number, cells, job.mapping, self.given_on)
                      for number, cells in chunk]  # fmt: skip
            for row, outcome in zip(parsed, self._settle(parsed), strict=True):
                self.counts[outcome] += 1
                writer.add(self._record(row, outcome))
            writer.flush()
            done += len(chunk)
            self.progress(done)
        self.progress(done)
        return {"read": done, **{outcome: self.counts[outcome] for outcome in Outcome.values}}

    def _settle(self, rows: list[CareRow]) -> list[str]:
        """Each row's outcome, its reason on the row when refused."""
        outcomes = [self._check(row) for row in rows]
        offered = [row for row, outcome in zip(rows, outcomes, strict=True) if outcome is None]
        members = members_by_citizen_id(self.job.unit, (row.citizen_id for row in offered))
        supports = [replace(row.support, person=members.get(row.citizen_id)) for row in offered]
        refusals = iter(self.batch.add(supports))
        for index, outcome in enumerate(outcomes):
            if outcome is None:
                rows[index].reason = next(refusals)
                outcomes[index] = Outcome.REJECTED if rows[index].reason else Outcome.NEW
        return outcomes

    def _check(self, row: CareRow) -> str | None:
        """The outcome of a row refused before the service sees it; None for the others."""
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
        return None

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
