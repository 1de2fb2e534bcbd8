"""Access helpers for views: fetch a unit only when the user's scope allows, else 404/403."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.org.models import Unit


def readable_unit(request, pk: int) -> Unit:
    unit = get_object_or_404(Unit.objects.select_related("unit_type", "sector"), pk=pk)
    if not scope_for(request.user).can_read(unit):
        raise Http404
    return unit


def org_editable_unit(request, pk: int) -> Unit:
    unit = readable_unit(request, pk)
    if not scope_for(request.user).can_edit_org(unit):
        raise PermissionDenied(_("Bạn không có quyền thay đổi đơn vị này."))
    return unit


def members_keeper_unit(request, pk: int) -> Unit:
    """A unit whose members and officials the user keeps, else 404 (unseen) or 403 (read only)."""
    unit = readable_unit(request, pk)
    if not scope_for(request.user).can_edit_members(unit):
        raise PermissionDenied(_("Bạn không có quyền quản lý đoàn viên, cán bộ của đơn vị này."))
    return unit
