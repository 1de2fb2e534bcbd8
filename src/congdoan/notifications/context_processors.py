"""`inbox_count` in every template: the steps waiting on the user plus their unread notices,
computed only when a page shows it (the header) and kept a minute in the cache."""

from __future__ import annotations

from congdoan.notices.counts import cached_count
from congdoan.notices.selectors import unread_of
from congdoan.notifications.registry import waiting


def inbox_count(user) -> int:
    return cached_count(user.pk, lambda: len(waiting(user)) + unread_of(user).count())


def inbox(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    found: list[int] = []

    def count() -> int:  # the template calls it: nothing is read on a page that does not
        if not found:
            found.append(inbox_count(user))
        return found[0]

    return {"inbox_count": count}
