"""The number beside "Hộp việc" in the header, kept in the cache a minute per user: the steps
waiting on the user are computed from many tables, so they are not counted on every page. A
new notice for the user and the opening of the inbox forget it."""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import caches

COUNT_SECONDS = 60


def _cache():
    return caches["default"]


def count_key(user_id: int) -> str:
    return f"congdoan:inbox-count:{user_id}"


def cached_count(user_id: int, compute: Callable[[], int]) -> int:
    value = _cache().get(count_key(user_id))
    if value is None:
        value = compute()
        _cache().set(count_key(user_id), value, COUNT_SECONDS)
    return value


def forget_count(user_id: int) -> None:
    _cache().delete(count_key(user_id))
