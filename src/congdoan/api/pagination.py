"""Cursor pagination for every list: a page of at most MAX_PAGE_SIZE, and a cursor that only
the query which made it accepts (the same path, filters and user)."""

from __future__ import annotations

import hashlib
from base64 import b64decode, b64encode
from urllib import parse

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import Cursor, CursorPagination
from rest_framework.utils.urls import replace_query_param

PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
BAD_CURSOR = _("Con trỏ trang (cursor) không hợp lệ hoặc thuộc một truy vấn khác.")
BAD_PAGE_SIZE = _("Số dòng mỗi trang (page_size) phải là số nguyên từ 1 đến %(max)s.")


def _fingerprint(request) -> str:
    """The query a cursor belongs to: the path, the user and the filters (not the page size)."""
    params = sorted(
        (key, value)
        for key, values in request.query_params.lists()
        if key not in ("cursor", "page_size")
        for value in values
    )
    text = f"{request.path}|{getattr(request.user, 'pk', '')}|{parse.urlencode(params)}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class Pagination(CursorPagination):
    page_size = PAGE_SIZE
    max_page_size = MAX_PAGE_SIZE
    page_size_query_param = "page_size"
    ordering = "-pk"
    cursor_query_description = _(
        "Con trỏ trang: giá trị của `next` hoặc `previous` trong trang trước / the page cursor, "
        "taken from `next` or `previous` of the page before."
    )
    page_size_query_description = _(
        "Số dòng mỗi trang, 1–100 (mặc định 50) / rows per page, 1–100 (default 50)."
    )

    def paginate_queryset(self, queryset, request, view=None):
        self.ordering = getattr(view, "ordering", type(self).ordering)
        self.fingerprint = _fingerprint(request)
        return super().paginate_queryset(queryset, request, view)

    def get_page_size(self, request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        try:
            size = int(raw)
        except (TypeError, ValueError):
            size = 0
        if not 1 <= size <= self.max_page_size:
            raise ValidationError({"page_size": [BAD_PAGE_SIZE % {"max": self.max_page_size}]})
        return size

    def decode_cursor(self, request) -> Cursor | None:
        encoded = request.query_params.get(self.cursor_query_param)
        if encoded is None:
            return None
        try:
            tokens = parse.parse_qs(
                b64decode(encoded.encode("ascii"), validate=True).decode("ascii"),
                keep_blank_values=True,
            )
            offset = int(tokens.get("o", ["0"])[0])
            reverse = bool(int(tokens.get("r", ["0"])[0]))
            position = tokens.get("p", [None])[0]
            owner = tokens.get("f", [""])[0]
        except (TypeError, ValueError, UnicodeError):
            raise ValidationError({"cursor": [BAD_CURSOR]}) from None
        if owner != self.fingerprint or not 0 <= offset <= self.offset_cutoff:
            raise ValidationError({"cursor": [BAD_CURSOR]})
        return Cursor(offset=offset, reverse=reverse, position=position)

    def encode_cursor(self, cursor: Cursor) -> str:
        tokens = {"f": self.fingerprint}
        if cursor.offset:
            tokens["o"] = str(cursor.offset)
        if cursor.reverse:
            tokens["r"] = "1"
        if cursor.position is not None:
            tokens["p"] = cursor.position
        query = parse.urlencode(tokens, doseq=True)
        encoded = b64encode(query.encode("utf-8")).decode("ascii")
        return replace_query_param(self.base_url, self.cursor_query_param, encoded)
