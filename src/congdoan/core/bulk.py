"""Writing generated rows fast: COPY on PostgreSQL, one prepared INSERT run many times elsewhere
(bulk_create spends most of its time compiling SQL, not writing).

Rows are plain dicts of field values (attribute names, e.g. `person_id`) and carry their own
primary keys, taken from `IdBlock`, so that related rows can point at a row before it is
written and no round trip is needed to learn an id.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from django.core.management.color import no_style
from django.db import connection, models
from django.utils import timezone


class IdBlock:
    """Hands out primary keys after the highest one in use; `close` moves the sequence on."""

    def __init__(self, model: type[models.Model]) -> None:
        self.model = model
        last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
        self.next = (last or 0) + 1

    def take(self) -> int:
        value = self.next
        self.next += 1
        return value

    def close(self) -> None:
        """PostgreSQL sequences do not see explicit ids; SQLite's AUTOINCREMENT does."""
        statements = connection.ops.sequence_reset_sql(no_style(), [self.model])
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def model_pk(model: type[models.Model]) -> str:
    return model._meta.pk.attname


def reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """Primary keys for rows about to be written, safe beside concurrent inserts: taken from
    the sequence on PostgreSQL; on SQLite the open write transaction keeps others out."""
    if count == 0:
        return []
    if connection.vendor == "postgresql":
        table = model._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, count],
            )
            return [row[0] for row in cursor.fetchall()]
    last = model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    return list(range(last + 1, last + 1 + count))


class TableWriter:
    """Buffers rows for one model and writes them in batches. Rows either all carry their
    primary key or none does (the database numbers them)."""

    def __init__(self, model: type[models.Model], batch: int = 20_000) -> None:
        self.model = model
        self.batch = batch
        self.rows: list[dict] = []
        self.written = 0
        self.fields = [f for f in model._meta.concrete_fields]

    def add(self, row: dict) -> None:
        if not self.rows and not self.written and model_pk(self.model) not in row:
            self.fields = [f for f in self.fields if not f.primary_key]
        self.rows.append(row)
        if len(self.rows) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        if connection.vendor == "postgresql":
            self._copy()
        else:
            self._insert()
        self.written += len(self.rows)
        self.rows = []

    def _names(self) -> tuple[str, str]:
        columns = ", ".join(connection.ops.quote_name(f.column) for f in self.fields)
        return connection.ops.quote_name(self.model._meta.db_table), columns

    def _copy(self) -> None:
        now = timezone.now()
        table, columns = self._names()
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            takes = [_taker(field, now) for field in self.fields]
            for row in self.rows:
                copy.write_row([take(row) for take in takes])

    def _insert(self) -> None:
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        table, columns = self._names()
        marks = ", ".join(["%s"] * len(self.fields))
        takes = [(_taker(field, now), _adapter(field)) for field in self.fields]
        rows = [[to_db(take(row)) for take, to_db in takes] for row in self.rows]
        # Table and column names come from the model's meta, never from input.
        insert = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.executemany(insert, rows)


def _taker(field: models.Field, now) -> Callable[[dict], object]:
    """How to take the field's value from a row: the row's own, else `now` for a timestamp,
    else the field's default. Chosen once per field, not once per row."""
    name = field.attname
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        missing = lambda: now  # noqa: E731 - the same shape as field.get_default
    else:
        missing = field.get_default
    if isinstance(field, models.JSONField):
        return lambda row: _json(row[name] if name in row else missing())
    return lambda row: row[name] if name in row else missing()


def _json(value):
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _adapter(field: models.Field):
    """The backend's own conversion for dates; other values go as they are."""
    kind = field.get_internal_type()
    if kind == "DateField":
        return lambda value: None if value is None else connection.ops.adapt_datefield_value(value)
    return lambda value: value


def write_all(*writers: TableWriter) -> None:
    """Flush in the order given, parents before the rows that point at them."""
    for writer in writers:
        writer.flush()
