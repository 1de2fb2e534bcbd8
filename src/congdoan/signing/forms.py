"""The administration's forms: a unit's PKCS#12 with its password, a signer named by account,
and a trust root's certificate file."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congdoan.accounts.lookups import user_in_scope
from congdoan.core.forms import LookupInput

MAX_FILE = 100_000  # a PKCS#12 or a root certificate is a few kilobytes


def _read_small(upload) -> bytes:
    """The uploaded file's bytes, refused (nothing read) when it is far larger than a key file."""
    if upload.size > MAX_FILE:
        raise ValidationError(_("Tệp quá lớn, không phải tệp chứng thư số."))
    return upload.read()


class CertificateForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp chứng thư số (.p12, .pfx)"))
    password = forms.CharField(
        label=gettext_lazy("Mật khẩu của tệp"),
        max_length=200,
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
    )

    def clean_file(self) -> bytes:
        return _read_small(self.cleaned_data["file"])


class SignerForm(forms.Form):
    username = forms.CharField(
        label=gettext_lazy("Tài khoản người ký"), max_length=150, widget=LookupInput("users")
    )
    name = forms.CharField(label=gettext_lazy("Họ và tên in trong ô chữ ký"), max_length=200)
    title = forms.CharField(label=gettext_lazy("Chức vụ in trong ô chữ ký"), max_length=200)

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope

    def clean_username(self):
        return user_in_scope(self.cleaned_data["username"], self.scope)


class TrustRootForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Chứng thư gốc (PEM, DER, .cer, .crt)"))

    def clean_file(self) -> bytes:
        return _read_small(self.cleaned_data["file"])
