"""Tone-free word search over a `search_text` column written by core.text.search_text."""

from django.db.models import Q


def matching_words(tokens: list[str], field: str = "search_text") -> Q:
    """Every word typed is a whole word of the text, but the last, which may be cut short.

    Whole words make trigram-indexed patterns selective on PostgreSQL; the open last word lets a
    user find "Nguyễn Đức Nh…" while still typing.
    """
    *whole, last = tokens
    matches = Q(**{f"{field}__contains": f" {last}"})
    for token in whole:
        matches &= Q(**{f"{field}__contains": f" {token} "})
    return matches
