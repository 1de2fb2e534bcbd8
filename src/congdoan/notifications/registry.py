"""The registry of inbox sources. A source is a function `(user, scope) -> list[Entry]` computing
what waits on the user from current state, so an entry goes away once its step is done.

Adding a source is one function decorated with `@source`:

    @source
    def transfers_to_accept(user, scope):
        return [Entry(title=..., unit_name=..., link=..., since=...) for ... in ...]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from congdoan.accounts.scope import Scope, scope_for


@dataclass(frozen=True)
class Entry:
    title: str  # what to do, in Vietnamese
    unit_name: str  # the name of the unit it is about
    link: str  # the page where the step is done
    since: date | datetime  # when it started waiting


Source = Callable[[object, Scope], list[Entry]]
SOURCES: list[Source] = []


def source(function: Source) -> Source:
    """Register an inbox source (see the module's docstring)."""
    SOURCES.append(function)
    return function


def waiting(user) -> list[Entry]:
    """Everything waiting on the user, oldest first."""
    if not getattr(user, "is_authenticated", False):
        return []
    scope = scope_for(user)
    entries = [entry for found in SOURCES for entry in found(user, scope)]
    return sorted(entries, key=lambda e: (_as_date(e.since), e.title, e.unit_name))


def _as_date(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value
