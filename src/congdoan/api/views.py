"""The shape every list endpoint shares: a cursor-paged list read through the user's scope
(ScopedList), its schema by `list_schema`."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_view
from rest_framework import generics

from congdoan.api.fields import read_query
from congdoan.api.schema import read


class ScopedList(generics.ListAPIView):
    """`query_class` reads the filters (an unknown one refused), `select` gives the rows of the
    user's scope that they keep, `rows` makes one page into the answer's rows."""

    query_class: type

    def select(self, query: dict):
        raise NotImplementedError  # each list says what it reads

    def rows(self, page: list) -> list:
        raise NotImplementedError  # each list says how a row reads

    def get_queryset(self):
        return self.select(read_query(self.query_class, self.request))

    def get(self, request, *args, **kwargs):
        self.selected = self.get_queryset()
        page = list(self.paginate_queryset(self.selected))
        return self.get_paginated_response(self.rows(page))


def list_schema(summary, description, item, query, tags):
    """The schema of a ScopedList's GET: a page of `item`s, the filters of `query`."""
    return extend_schema_view(
        get=read(summary, description, item(many=True), parameters=[query], tags=tags)
    )
