"""The user's own choice of e-mail for notices."""

from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.notices.models import EmailChoice


class EmailChoiceForm(forms.Form):
    email = forms.ChoiceField(
        label=_("Nhận thư điện tử"), choices=EmailChoice.choices, widget=forms.RadioSelect
    )
