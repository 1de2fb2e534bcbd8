"""Pages for roles on a unit: who holds what, granting and revoking."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from congdoan.accounts.lookups import user_in_scope
from congdoan.accounts.models import Role, RoleKind, User
from congdoan.accounts.scope import scope_for
from congdoan.accounts.services import role_grant, role_revoke
from congdoan.core.form_service import done, run_form_service
from congdoan.core.forms import LookupInput
from congdoan.org.access import readable_unit
from congdoan.org.selectors import display_version


class GrantForm(forms.Form):
    username = forms.CharField(
        label=gettext_lazy("Tên đăng nhập"), max_length=150, widget=LookupInput("users")
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Vai trò"),
        choices=[(k, label) for k, label in RoleKind.choices if k != RoleKind.ADMIN],
    )

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope

    def clean_username(self) -> User:
        return user_in_scope(self.cleaned_data["username"], self.scope)


@login_required
def unit_roles(request, pk: int):
    unit = readable_unit(request, pk)
    scope = scope_for(request.user)
    if not scope.can_grant_roles(unit):
        raise PermissionDenied(_("Bạn không có quyền giao vai trò trên đơn vị này."))
    form = GrantForm(request.POST or None, scope=scope)
    if request.method == "POST" and form.is_valid():
        ok, _role = run_form_service(
            form,
            lambda: role_grant(
                actor=request.user,
                user=form.cleaned_data["username"],
                kind=form.cleaned_data["kind"],
                unit=unit,
            ),
        )
        if ok:
            return done(request, _("Đã giao vai trò."), "accounts:unit_roles", pk=unit.pk)
    roles = Role.objects.filter(unit=unit).select_related("user").order_by("kind", "user__username")
    return render(
        request,
        "accounts/unit_roles.html",
        {
            "unit": unit,
            "version": display_version(unit, timezone.localdate()),
            "roles": roles,
            "form": form,
        },
    )


@login_required
@require_POST
def revoke(request, pk: int):
    role = get_object_or_404(Role.objects.select_related("unit", "user"), pk=pk)
    if role.unit is None or not scope_for(request.user).can_read(role.unit):
        raise Http404
    role_revoke(actor=request.user, role=role)
    messages.success(request, _("Đã thu hồi vai trò."))
    return redirect("accounts:unit_roles", pk=role.unit_id)
