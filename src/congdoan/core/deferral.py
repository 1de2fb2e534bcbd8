"""Work that writes leave for the end of a block: inside `gathered()`, what a service asks to
be done for each row it writes (count a union's figures again, say) is gathered by kind and
done once when the block ends, still inside the caller's transaction. A service that writes
many rows wraps its loop in it; the apps that do the work register it (`on_end`)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable, Iterator

_local = threading.local()
_handlers: dict[str, Callable[[set], None]] = {}


def _stack() -> list[dict[str, set]]:
    if not hasattr(_local, "stack"):
        _local.stack = []
    return _local.stack


def on_end(kind: str, handler: Callable[[set], None]) -> None:
    """The work of `kind`, done with everything gathered when a block ends."""
    _handlers[kind] = handler


def gather(kind: str, items: Iterable) -> bool:
    """Keep the items for the end of the enclosing block; False when there is none."""
    stack = _stack()
    if not stack:
        return False
    stack[-1].setdefault(kind, set()).update(items)
    return True


@contextlib.contextmanager
def gathered() -> Iterator[None]:
    stack = _stack()
    stack.append({})
    try:
        yield
    except BaseException:
        stack.pop()
        raise
    for kind, items in stack.pop().items():
        _handlers[kind](items)
