"""Signing in: the password, then, for users with a second factor, a code.

The password page does not sign in a user who has a device: it keeps who passed the password
in the session for five minutes and asks for a code from the authenticator app or a recovery
code. Wrong codes count as failed sign-ins for django-axes (per user name and address, and per
address), besides django-otp's own slowing down of each device.
"""

import time

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django import forms
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import LoginView
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from congdoan.accounts.models import User

PENDING = "congdoan_pending_sign_in"
PENDING_SECONDS = 300


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Mã xác thực"),
        max_length=32,
        help_text=gettext_lazy(
            "6 chữ số trên ứng dụng xác thực, hoặc một mã khôi phục (mỗi mã dùng một lần)."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split()).replace("-", "").lower()


class Throttled(Exception):
    """The device refuses codes for a few seconds after wrong ones (django-otp doubles the
    wait after each)."""


THROTTLED = gettext_lazy("Đã nhập sai nhiều lần liền: hãy đợi vài giây rồi nhập mã mới.")


@transaction.atomic  # the devices are read with a row lock (for_verify): a code works once
def verify_code(user, code: str):
    """The device that accepts `code`: six digits go to the authenticator app, anything else
    to the recovery codes (each works once)."""
    kind = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    devices = [d for d in devices_for_user(user, for_verify=True) if isinstance(d, kind)]
    if devices and not any(d.verify_is_allowed()[0] for d in devices):
        raise Throttled
    for device in devices:
        if device.verify_token(code):
            return device
    return None


class SignInView(LoginView):
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if not user_has_device(user):
            return super().form_valid(form)
        self.request.session[PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "hash": user.get_session_auth_hash(),
            "at": int(time.time()),
            "next": self.get_success_url(),
        }
        return redirect("accounts:sign_in_code")


def _pending_user(pending) -> User | None:
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None
    user = User.objects.filter(pk=pending.get("user"), is_active=True).first()
    if user is None or not constant_time_compare(user.get_session_auth_hash(), pending["hash"]):
        return None
    return user


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def sign_in_code(request):
    if request.user.is_authenticated:
        return redirect("home")
    pending = request.session.get(PENDING)
    user = _pending_user(pending)
    if user is None:
        request.session.pop(PENDING, None)
        if pending is not None:
            messages.error(request, _("Đã quá thời gian nhập mã. Vui lòng đăng nhập lại."))
        return redirect("login")
    credentials = {"username": user.get_username()}
    if not AxesProxyHandler.is_allowed(request, credentials):
        return get_lockout_response(request, None, credentials)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = verify_code(user, form.cleaned_data["code"])
        except Throttled:
            device = None
            form.add_error("code", THROTTLED)
        if device is None and not form.errors:
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            form.add_error("code", _("Mã xác thực không đúng hoặc đã được dùng."))
        elif device is not None:
            del request.session[PENDING]
            user.otp_device = device  # django-otp marks the session verified at sign-in
            auth_login(request, user, backend=pending["backend"])
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(
                    request,
                    _("Bạn vừa dùng một mã khôi phục; còn %(left)d mã.") % {"left": left},
                )
            return redirect(pending["next"])
    return render(
        request,
        "registration/login_code.html",
        {"form": form, "pending_username": user.get_username()},
    )
