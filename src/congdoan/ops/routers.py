"""Reading reports, dashboards, exports and searches from a PostgreSQL streaming replica.

With DATABASE_REPLICA_URL set, settings add the database alias "replica" and this router. Reads
go to the replica only where a view asked for it (`reading_from_replica()`, a context manager
and decorator, applied by `ReplicaReadsMiddleware` to the views named in READ_VIEWS), and even
there never:

- inside a transaction (`transaction.atomic`): what a write reads stays with the write;
- after the request wrote anything: it reads its own write on the primary from then on;
- for accounts, sessions and sign-in attempts: who may see what is decided on the primary,
  so a role just taken away is not still granted by a replica a moment behind.

Everything else (every write, every other view, the task worker, commands) uses the primary.
"""

from __future__ import annotations

import threading
from contextlib import ContextDecorator

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
# Apps whose rows are never read from the replica (sign-in, sessions, roles and scope).
PRIMARY_ONLY_APPS = frozenset({"accounts", "auth", "sessions", "axes", "otp_totp", "otp_static"})
# URL names (namespace:name) of the reading views: reports, dashboards, exports, searches.
READ_VIEWS = frozenset(
    {
        "home",
        "reports:report",
        "reports:json",
        "reports:download",
        "reports:dashboard",
        "awards:report",
        "emulation:quality",
        "imports:member_export",
        "imports:unit_export",
        "members:export",
        "members:list",
        "org:search",
    }
)
SAFE_METHODS = frozenset({"GET", "HEAD"})

_state = threading.local()


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


def _depth() -> int:
    return getattr(_state, "depth", 0)


class reading_from_replica(ContextDecorator):  # noqa: N801 - used as a function and decorator
    """Inside it, reads outside any transaction go to the replica (when there is one)."""

    def __enter__(self):
        if _depth() == 0:
            _state.wrote = False
        _state.depth = _depth() + 1
        return self

    def __exit__(self, *exc) -> bool:
        _state.depth = _depth() - 1
        if _state.depth == 0:
            _state.wrote = False
        return False


def reads_from_replica_now() -> bool:
    return (
        replica_configured()
        and _depth() > 0
        and not getattr(_state, "wrote", False)
        and not connections[DEFAULT_DB_ALIAS].in_atomic_block
    )


class ReplicaRouter:
    """Reads inside `reading_from_replica()` to the replica; all writes to the primary."""

    def db_for_read(self, model, **hints):
        if model._meta.app_label in PRIMARY_ONLY_APPS or not reads_from_replica_now():
            return DEFAULT_DB_ALIAS
        return REPLICA

    def db_for_write(self, model, **hints):
        if _depth() > 0:
            _state.wrote = True  # the rest of the request reads its own write on the primary
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA  # a standby is read-only: it takes the schema from the primary


def _streamed_from_replica(chunks):
    with reading_from_replica():
        yield from chunks


class ReplicaReadsMiddleware:
    """Runs the views of READ_VIEWS (GET and HEAD only) inside `reading_from_replica()`,
    including a streamed answer's body. Last in MIDDLEWARE, so that the user and session are
    loaded before, on the primary."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            not replica_configured()
            or request.method not in SAFE_METHODS
            or match is None
            or match.view_name not in READ_VIEWS
        ):
            return None
        with reading_from_replica():
            response = view_func(request, *view_args, **view_kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
        if getattr(response, "streaming", False):
            response.streaming_content = _streamed_from_replica(response.streaming_content)
        return response
