"""The user's own personal access tokens, on the account page: make one (shown once), list
them, revoke one. The same services as `congdoan api token` (api/tokens.py), audited there; a
token of another user answers 404, as one that does not exist."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from congdoan.api.models import ApiToken
from congdoan.api.tokens import MAX_DAYS, is_active, token_create, token_revoke
from congdoan.core.params import bounded

DEFAULT_DAYS = 90


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Tên gọi"),
        max_length=100,
        help_text=gettext_lazy("Để nhận ra về sau, ví dụ: đồng bộ với hệ thống tỉnh."),
    )
    read_only = forms.BooleanField(
        label=gettext_lazy("Chỉ đọc (không gửi được yêu cầu thay đổi dữ liệu)"),
        required=False,
    )
    expires_days = forms.IntegerField(
        label=gettext_lazy("Hiệu lực (số ngày)"),
        min_value=1,
        max_value=MAX_DAYS,
        initial=DEFAULT_DAYS,
        required=False,
        help_text=gettext_lazy("Để trống: không hết hạn (nên đặt một thời hạn)."),
    )


class RevokeForm(forms.Form):
    token = bounded(forms.IntegerField(label=gettext_lazy("Mã truy cập cần thu hồi"), min_value=1))


def _page(request, form: TokenForm, secret: str = ""):
    tokens = list(ApiToken.objects.filter(user=request.user))
    rows = [(token, is_active(token)) for token in tokens]
    context = {"form": form, "rows": rows, "secret": secret, "max_days": MAX_DAYS}
    response = render(request, "api/tokens.html", context)
    if secret:  # not kept by the browser: going back does not show it again
        patch_cache_control(response, no_store=True, private=True)
    return response


@login_required
def tokens(request):
    """GET: the user's tokens and the form; POST: a new token, its secret shown on this answer
    only (never again: only its SHA-256 is kept)."""
    if request.method != "POST":
        return _page(request, TokenForm())
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            made = token_create(
                actor=request.user,
                user=request.user,
                name=form.cleaned_data["name"],
                read_only=form.cleaned_data["read_only"],
                expires_days=form.cleaned_data["expires_days"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _page(request, TokenForm(), secret=made.secret)
    return _page(request, form)


@login_required
@require_POST
def revoke(request):
    form = RevokeForm(request.POST)
    if not form.is_valid():
        if request.POST.get("token"):  # a value that names no token: as a missing one
            raise Http404
        messages.error(request, _("Chọn mã truy cập cần thu hồi."))
        return redirect("tokens:list")
    token = ApiToken.objects.filter(pk=form.cleaned_data["token"], user=request.user).first()
    if token is None:
        raise Http404
    if token.revoked_at is None:
        token_revoke(actor=request.user, token=token)
        messages.success(request, _("Đã thu hồi mã truy cập “%(name)s”.") % {"name": token.name})
    return redirect("tokens:list")
