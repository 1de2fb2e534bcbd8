"""The trail's page: search, read as sentences, a page at a time."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.audit.forms import TrailSearchForm
from congdoan.audit.selectors import may_read_trail, search_entries
from congdoan.audit.sentences import describe, unit_names

PAGE_SIZE = 50


@login_required
def trail(request):
    scope = scope_for(request.user)
    if not may_read_trail(scope):
        raise PermissionDenied(_("Chỉ cán bộ công đoàn và quản trị viên xem được nhật ký."))
    form = TrailSearchForm(request.GET or request.POST or None, scope=scope)  # GET; POST alike
    found = search_entries(scope, form.search())
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    names = unit_names(page)
    rows = [(entry, describe(entry, names)) for entry in page]
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "rows": rows, "query": query.urlencode()}
    return render(request, "audit/trail.html", context)
