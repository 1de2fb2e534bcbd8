"""The signing administration: a unit's certificates and signers (kept by whoever grants roles
on it) and the federation-wide trust roots (system administrators)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.accounts.scope import scope_for
from congdoan.core.form_service import done, run_form_service
from congdoan.org.access import readable_unit
from congdoan.org.models import Unit
from congdoan.org.selectors import display_version
from congdoan.signing import selectors, services
from congdoan.signing.forms import CertificateForm, SignerForm, TrustRootForm


def _kept_unit(request, pk: int) -> Unit:
    """A unit whose signing the user keeps: 404 outside the scope, 403 for a reader."""
    unit = readable_unit(request, pk)
    services.require_certificate_keeper(request.user, unit)
    return unit


def _page(request, unit: Unit, *, certificate_form=None, signer_form=None):
    scope = scope_for(request.user)
    return render(
        request,
        "signing/unit.html",
        {
            "unit": unit,
            "version": display_version(unit, timezone.localdate()),
            "certificates": selectors.certificate_rows(unit),
            "signers": selectors.unit_signers(unit),
            "certificate_form": certificate_form or CertificateForm(),
            "signer_form": signer_form or SignerForm(scope=scope),
            "administrator": scope.everything,
        },
    )


@login_required
def unit_signing(request, pk: int):
    """The unit's certificates (and a new one uploaded) and its signers."""
    unit = _kept_unit(request, pk)
    form = CertificateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        ok, made = run_form_service(
            form,
            lambda: services.certificate_upload(
                actor=request.user,
                unit=unit,
                data=form.cleaned_data["file"],
                password=form.cleaned_data["password"],
            ),
            by_field=str,
        )
        if ok:
            message = _("Đã nạp chứng thư số %(subject)s.") % {"subject": made.subject}
            return done(request, message, "signing:unit", pk=unit.pk)
    return _page(request, unit, certificate_form=form)


@login_required
def signer_new(request, pk: int):
    unit = _kept_unit(request, pk)
    form = SignerForm(request.POST or None, scope=scope_for(request.user))
    if request.method == "POST" and form.is_valid():
        ok, signer = run_form_service(
            form,
            lambda: services.signer_name(
                actor=request.user,
                unit=unit,
                user=form.cleaned_data["username"],
                name=form.cleaned_data["name"],
                title=form.cleaned_data["title"],
            ),
            by_field=lambda name: "username" if name == "user" else name,
        )
        if ok:
            message = _("Đã giao %(name)s ký giấy tờ của đơn vị.") % {"name": signer.name}
            return done(request, message, "signing:unit", pk=unit.pk)
    return _page(request, unit, signer_form=form)


@login_required
@require_POST
def signer_remove(request, pk: int):
    signer = selectors.kept_signer(scope_for(request.user), pk)
    if signer is None:
        raise Http404
    unit_pk, name = signer.unit_id, signer.name
    services.signer_remove(actor=request.user, signer=signer)  # 403 for a reader
    messages.success(request, _("%(name)s thôi ký giấy tờ của đơn vị.") % {"name": name})
    return redirect("signing:unit", pk=unit_pk)


@login_required
def trust_roots(request):
    if not scope_for(request.user).everything:
        raise PermissionDenied(_("Chỉ quản trị hệ thống được quản lý chứng thư gốc tin cậy."))
    form = TrustRootForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        ok, root = run_form_service(
            form,
            lambda: services.trust_root_add(actor=request.user, data=form.cleaned_data["file"]),
            by_field=str,
        )
        if ok:
            message = _("Đã thêm chứng thư gốc tin cậy %(name)s.") % {"name": root.name}
            return done(request, message, "signing:trust_roots")
    return render(
        request,
        "signing/trust_roots.html",
        {"roots": selectors.trust_roots(), "form": form, "now": timezone.now()},
    )
