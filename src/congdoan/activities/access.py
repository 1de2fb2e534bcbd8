"""Access helpers of the activity pages: 404 outside the scope, 403 without the right."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.activities.models import Activity
from congdoan.org.access import readable_unit


def kept_activity(request, pk: int) -> Activity:
    """An activity of a unit whose register the user keeps."""
    activity = get_object_or_404(Activity.objects.select_related("unit", "activity_type"), pk=pk)
    scope = scope_for(request.user)
    if not scope.can_read(activity.unit):
        raise Http404
    if not scope.can_edit_members(activity.unit):
        raise PermissionDenied(_("Bạn không có quyền sửa hoạt động của đơn vị này."))
    return activity


def activity_keeper_unit(request, pk: int):
    unit = readable_unit(request, pk)
    if not scope_for(request.user).can_edit_members(unit):
        raise PermissionDenied(_("Bạn không có quyền ghi hoạt động của đơn vị này."))
    return unit


def target_setter_unit(request, pk: int):
    unit = readable_unit(request, pk)
    if not scope_for(request.user).can_edit_org(unit):
        raise PermissionDenied(_("Chỉ công đoàn cấp trên được giao chỉ tiêu cho đơn vị này."))
    return unit
