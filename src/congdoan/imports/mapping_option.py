"""The command line's `--map TRƯỜNG=CỘT,…`: the user's column mapping for a list whose header
was not recognised, each column named by its header, its letter (A, B…) or its number."""

from __future__ import annotations

from string import ascii_uppercase

from django.utils.translation import gettext as _

from congdoan.core.text import fold
from congdoan.imports.columns import FIELDS
from congdoan.imports.models import ImportJob
from congdoan.imports.reading import ImportRefused


def _letters(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = ascii_uppercase[rest] + name
    return name


def _column(text: str, labels: list[str]) -> int | None:
    wanted = fold(text.strip())
    for index, label in enumerate(labels):
        if fold(label) == wanted or _letters(index).lower() == wanted:
            return index
    if wanted.isdigit() and 1 <= int(wanted) <= len(labels):
        return int(wanted) - 1
    return None


def parse_map(option: str, job: ImportJob) -> dict[str, int]:
    mapping: dict[str, int] = {}
    for part in filter(None, (piece.strip() for piece in option.split(","))):
        field, _sep, column = part.partition("=")
        field = field.strip()
        if field not in FIELDS[job.kind]:
            raise ImportRefused(
                _("--map: không có trường “%(field)s”; các trường: %(fields)s.")
                % {"field": field, "fields": ", ".join(FIELDS[job.kind])}
            )
        index = _column(column, job.labels)
        if index is None:
            raise ImportRefused(
                _("--map: tệp không có cột “%(column)s”; các cột: %(columns)s.")
                % {"column": column.strip(), "columns": ", ".join(job.labels)}
            )
        mapping[field] = index
    return mapping


def unrecognised(job: ImportJob) -> str:
    columns = ", ".join(f"{_letters(i)}: {label}" for i, label in enumerate(job.labels) if label)
    return _(
        "Không nhận ra dòng tiêu đề (các cột: %(columns)s). Ghép cột bằng --map, ví dụ "
        "--map full_name=B,birth_date=C."
    ) % {"columns": columns}
