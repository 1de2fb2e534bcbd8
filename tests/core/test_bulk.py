"""TableWriter writes plain dicts as the model would: a missing field takes its default (a new
dict or list for a JSON field), a timestamp takes the moment of writing, JSON is stored as
JSON — by COPY on PostgreSQL and by one prepared INSERT elsewhere."""

from __future__ import annotations

from django.utils import timezone

from congdoan.core.bulk import TableWriter
from congdoan.imports.models import ImportJob, ImportKind, ImportStatus


def test_missing_fields_take_their_defaults_and_json_stays_json(world):
    before = timezone.now()
    writer = TableWriter(ImportJob)
    common = {
        "kind": ImportKind.MEMBERS,
        "unit_id": world.g1.pk,
        "created_by_id": world.alice.pk,
        "data": b"",
        "status": ImportStatus.UPLOADED,
    }
    writer.add({**common, "filename": "given.xlsx", "counts": {"read": 2}, "labels": ["STT"]})
    writer.add({**common, "filename": "missing.xlsx"})
    writer.flush()
    given = ImportJob.objects.get(filename="given.xlsx")
    missing = ImportJob.objects.get(filename="missing.xlsx")
    assert (given.counts, given.labels, given.mapping) == ({"read": 2}, ["STT"], {})
    assert (missing.counts, missing.labels, missing.mapping) == ({}, [], {})
    assert (missing.attempt, missing.message, missing.heartbeat_at) == (0, "", None)
    assert before <= missing.created_at <= timezone.now()
