"""A signed-in user's own account: password change, the second factor, recovery codes."""

from base64 import b32encode

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.views import PasswordChangeView
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from congdoan.accounts.security import OTP_ENROLLED, second_factor_required
from congdoan.accounts.signin import THROTTLED, Throttled, verify_code
from congdoan.audit.services import audit_record

RECOVERY_CODES = 10


class ChangeForm(PasswordChangeForm):
    """Django's form, refusing the current password as the new one; saving clears the
    obligation to change it."""

    def clean_new_password1(self) -> str:
        new = self.cleaned_data.get("new_password1")
        if new and self.user.check_password(new):
            raise forms.ValidationError(_("Mật khẩu mới phải khác mật khẩu hiện tại."))
        return new

    def save(self, commit: bool = True):
        self.user.must_change_password = False
        return super().save(commit)


class PasswordChange(PasswordChangeView):
    form_class = ChangeForm
    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("accounts:security")

    def form_valid(self, form):
        response = super().form_valid(form)  # keeps this session signed in
        audit_record(actor=self.request.user, action="account.password_change", target="")
        messages.success(self.request, _("Đã đổi mật khẩu."))
        return response


class ConfirmForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Mã 6 chữ số trên ứng dụng"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError(_("Mã gồm đúng 6 chữ số."))
        return code


def _confirmed(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def _recovery_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def _new_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=_("Mã khôi phục"), confirmed=True)
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


@login_required
def security(request):
    user = request.user
    return render(
        request,
        "accounts/security.html",
        {
            "device": _confirmed(user),
            "required": second_factor_required(user),
            "recovery_left": _recovery_left(user),
            "must_change": user.must_change_password,
        },
    )


@sensitive_post_parameters("code")
@login_required
def enrol(request):
    """Shows a new secret as a QR code and in letters; a code from the app confirms it."""
    user = request.user
    if _confirmed(user) is not None:
        messages.info(request, _("Bạn đã bật xác thực hai bước."))
        return redirect("accounts:security")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Ứng dụng xác thực"), confirmed=False)
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not device.verify_is_allowed()[0]:
            form.add_error("code", THROTTLED)
        elif device.verify_token(form.cleaned_data["code"]):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                TOTPDevice.objects.filter(user=user, confirmed=False).delete()
                codes = _new_recovery_codes(user)
                audit_record(actor=user, action="account.otp_enrol", target=user.username)
            otp_login(request, device)
            request.session[OTP_ENROLLED] = True
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "just_enrolled": True},
            )
        else:
            form.add_error("code", _("Mã không đúng. Hãy nhập mã đang hiện trên ứng dụng."))
    secret = b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/otp_enrol.html",
        {
            "form": form,
            "qr": segno.make(device.config_url, error="m").svg_inline(scale=4),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "required": second_factor_required(user),
        },
    )


@login_required
@require_POST
def recovery_codes(request):
    """New recovery codes (the old ones stop working), shown once."""
    user = request.user
    if _confirmed(user) is None or not user.is_verified():
        messages.error(request, _("Hãy bật xác thực hai bước trước."))
        return redirect("accounts:security")
    with transaction.atomic():
        codes = _new_recovery_codes(user)
        audit_record(actor=user, action="account.otp_recovery_codes", target=user.username)
    return render(request, "accounts/recovery_codes.html", {"codes": codes})


@sensitive_post_parameters("code")
@login_required
@require_POST
def remove(request):
    """Turns the second factor off, with a current code, for users who need not have one."""
    user = request.user
    if second_factor_required(user):
        messages.error(request, _("Vai trò của bạn bắt buộc xác thực hai bước."))
        return redirect("accounts:security")
    code = "".join(request.POST.get("code", "").split()).replace("-", "").lower()
    try:
        device = verify_code(user, code) if code and _confirmed(user) else None
    except Throttled:
        messages.error(request, THROTTLED)
        return redirect("accounts:security")
    if device is None:
        messages.error(request, _("Mã xác thực không đúng; xác thực hai bước vẫn bật."))
        return redirect("accounts:security")
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        audit_record(actor=user, action="account.otp_remove", target=user.username)
    request.session[OTP_ENROLLED] = False
    messages.success(request, _("Đã tắt xác thực hai bước."))
    return redirect("accounts:security")
