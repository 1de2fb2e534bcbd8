"""A paginator that stops counting. Counting a search that matches a fifth of a city's
members costs more than finding its page; past `cap` rows the list says "more than" and
pages as far as the cap goes (narrowing the search, or the export, gives the rest)."""

from __future__ import annotations

from functools import cached_property

from django.core.paginator import Paginator


class CappedPaginator(Paginator):
    cap = 2_000

    @cached_property
    def counted(self) -> int:
        """The rows counted: all of them, or the cap and one more."""
        return self.object_list.order_by()[: self.cap + 1].count()

    @property
    def count(self) -> int:
        return min(self.counted, self.cap)

    @property
    def more(self) -> bool:
        """Whether rows lie past the cap."""
        return self.counted > self.cap
