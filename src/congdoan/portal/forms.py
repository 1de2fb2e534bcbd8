"""The portal's forms: activation (the member proves who they are and sets a password)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

from congdoan.core.forms import day_field


class ActivationForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Mã kích hoạt (trên phiếu mời)"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    citizen_id = forms.CharField(
        label=gettext_lazy("Số CCCD"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    birth_date = day_field(gettext_lazy("Ngày sinh"))
    password1 = forms.CharField(
        label=gettext_lazy("Mật khẩu mới"),
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=gettext_lazy("Ít nhất 12 ký tự; không dùng mật khẩu đã bị lộ."),
    )
    password2 = forms.CharField(
        label=gettext_lazy("Nhập lại mật khẩu"),
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            raise ValidationError({"password2": gettext_lazy("Hai lần nhập mật khẩu khác nhau.")})
        return data
