"""The portal's forms: activation (the member proves who they are and sets a password)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

from congdoan.core.forms import day_field
from congdoan.portal.corrections import CORRECTABLE


class ActivationForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Mã kích hoạt (trên phiếu mời)"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "data-keep-nothing": ""}
        ),
    )
    citizen_id = forms.CharField(
        label=gettext_lazy("Số CCCD"),
        max_length=20,
        widget=forms.TextInput(  # not kept by site.js: a member's phone may be shared
            attrs={"inputmode": "numeric", "autocomplete": "off", "data-keep-nothing": ""}
        ),
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


class CorrectionForm(forms.Form):
    field = forms.ChoiceField(label=gettext_lazy("Trường cần sửa"), choices=CORRECTABLE.items())
    value = forms.CharField(
        label=gettext_lazy("Giá trị đúng"),
        max_length=300,
        help_text=gettext_lazy("Ngày ghi dd/mm/yyyy; giới tính ghi Nam hoặc Nữ."),
    )
    note = forms.CharField(
        label=gettext_lazy("Lý do, giấy tờ kèm theo"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Trả lời"),
        choices=[("accept", gettext_lazy("Sửa hồ sơ")), ("refuse", gettext_lazy("Không sửa"))],
    )
    reason = forms.CharField(label=gettext_lazy("Lý do không sửa"), max_length=500, required=False)

    def clean(self):
        data = super().clean()
        data["accept"] = data.get("decision") == "accept"
        return data


class HandOverForm(forms.Form):
    """The keeper confirms the slips go to the members' own hands (the code is their proof)."""

    handed = forms.BooleanField(
        label=gettext_lazy("Tôi sẽ trao phiếu mời tận tay từng đoàn viên, không nhờ ai chuyển."),
    )
