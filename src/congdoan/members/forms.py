"""Forms of the registry pages; each turns what was typed into the services' inputs."""

from __future__ import annotations

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congdoan.core.forms import LookupInput, SearchSelect
from congdoan.core.params import bounded
from congdoan.core.text import fold
from congdoan.members.models import Ethnicity, ExitKind, Gender, ReferralStatus, Religion
from congdoan.members.validation import PersonData
from congdoan.org.forms import date_field
from congdoan.org.models import Unit
from congdoan.org.services import DecisionInput


def optional_date(label) -> forms.DateField:
    field = date_field(label)
    field.required = False
    return field


class PersonForm(forms.Form):
    full_name = forms.CharField(label=gettext_lazy("Họ và tên"), max_length=200)
    birth_date = date_field(gettext_lazy("Ngày sinh"))
    gender = forms.ChoiceField(label=gettext_lazy("Giới tính"), choices=Gender.choices)
    citizen_id = forms.CharField(label=gettext_lazy("Số CCCD"), max_length=20, required=False)
    id_issued_on = optional_date(gettext_lazy("Ngày cấp CCCD"))
    id_issued_by = forms.CharField(label=gettext_lazy("Nơi cấp"), max_length=200, required=False)
    hometown = forms.CharField(label=gettext_lazy("Quê quán"), max_length=200, required=False)
    ethnicity = forms.ModelChoiceField(
        label=gettext_lazy("Dân tộc"),
        required=False,
        queryset=Ethnicity.objects.filter(active=True),
        widget=SearchSelect,
    )
    religion = forms.ModelChoiceField(
        label=gettext_lazy("Tôn giáo"),
        required=False,
        queryset=Religion.objects.filter(active=True),
    )
    education = forms.CharField(
        label=gettext_lazy("Trình độ học vấn"), max_length=60, required=False
    )
    qualification = forms.CharField(
        label=gettext_lazy("Trình độ chuyên môn"), max_length=120, required=False
    )
    job = forms.CharField(
        label=gettext_lazy("Nghề nghiệp, việc làm"), max_length=200, required=False
    )
    phone = forms.CharField(label=gettext_lazy("Điện thoại"), max_length=20, required=False)
    address = forms.CharField(label=gettext_lazy("Nơi ở"), max_length=300, required=False)
    party_joined_on = optional_date(gettext_lazy("Ngày vào Đảng"))
    party_confirmed_on = optional_date(gettext_lazy("Ngày chính thức"))
    health = forms.CharField(
        label=gettext_lazy("Tình trạng sức khỏe"), max_length=300, required=False
    )
    sensitive_consent_on = optional_date(
        gettext_lazy("Ngày đương sự đồng ý cung cấp dân tộc, tôn giáo, sức khỏe")
    )
    sensitive_consent_on.help_text = gettext_lazy(
        "Dân tộc, tôn giáo và sức khỏe là dữ liệu nhạy cảm: chỉ ghi khi đương sự đồng ý."
    )
    nationality = forms.CharField(
        label=gettext_lazy("Quốc tịch (chỉ ghi với người lao động nước ngoài)"),
        max_length=60,
        required=False,
    )
    foreign_document = forms.CharField(
        label=gettext_lazy("Số hộ chiếu hoặc giấy phép lao động"), max_length=30, required=False
    )
    contract_starts_on = optional_date(gettext_lazy("Hợp đồng lao động từ ngày"))
    contract_ends_on = optional_date(gettext_lazy("Hợp đồng lao động đến ngày"))

    def clean(self):
        data = super().clean()
        given = [name for name in ("ethnicity", "religion", "health") if data.get(name)]
        if given and not data.get("sensitive_consent_on"):
            self.add_error(
                "sensitive_consent_on",
                _(
                    "Ghi ngày đương sự đồng ý cung cấp dân tộc, tôn giáo, sức khỏe, "
                    "hoặc bỏ trống các trường đó."
                ),
            )
        return data

    def person_data(self) -> PersonData:
        data = self.cleaned_data
        return PersonData(**{name: data.get(name) or _empty(name) for name in PERSON_FIELDS})


PERSON_FIELDS = list(PersonForm.base_fields)
DATE_FIELDS = {
    "birth_date", "id_issued_on", "party_joined_on", "party_confirmed_on", "sensitive_consent_on",
    "contract_starts_on", "contract_ends_on",
}  # fmt: skip
CHOICE_FIELDS = {"ethnicity", "religion"}


def _empty(name: str):
    return None if name in DATE_FIELDS | CHOICE_FIELDS else ""


class DecisionFields(forms.Form):
    decision_number = forms.CharField(
        label=gettext_lazy("Số quyết định kết nạp"),
        max_length=60,
        help_text=gettext_lazy("Ví dụ: 15/QĐ-CĐCS"),
    )
    decision_date = date_field(gettext_lazy("Ngày ký quyết định"))
    decision_signer = forms.CharField(label=gettext_lazy("Người ký"), max_length=200)

    def decision(self) -> DecisionInput:
        data = self.cleaned_data
        return DecisionInput(
            number=data["decision_number"],
            signed_on=data["decision_date"],
            signer=data["decision_signer"],
        )


DECISION_FIELDS = list(DecisionFields.base_fields)


class AdmitForm(PersonForm, DecisionFields):
    joined_on = date_field(gettext_lazy("Ngày vào công đoàn"))
    field_order = [*PERSON_FIELDS, "joined_on", *DECISION_FIELDS]


class AdmitManyForm(DecisionFields):
    field_order = ["rows", "joined_on", *DECISION_FIELDS]
    joined_on = date_field(gettext_lazy("Ngày vào công đoàn"))
    rows = forms.CharField(
        label=gettext_lazy("Danh sách"),
        help_text=gettext_lazy(
            "Mỗi dòng một người: Họ và tên; ngày sinh dd/mm/yyyy; Nam hoặc Nữ; số CCCD (nếu có)"
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def clean_rows(self) -> list[PersonData]:
        """One PersonData per non-empty line, or every unreadable line's reason at once."""
        people, problems = [], []
        lines = [line for line in self.cleaned_data["rows"].splitlines() if line.strip()]
        for number, line in enumerate(lines, start=1):  # numbered as the service numbers rows
            try:
                people.append(_person_from_line(number, line))
            except forms.ValidationError as error:
                problems.extend(error.messages)
        if problems:
            raise forms.ValidationError(problems)
        if not people:
            raise forms.ValidationError(_("Danh sách trống."))
        return people


ROW_DATE = bounded(forms.DateField(input_formats=["%d/%m/%Y"]))
GENDER_WORDS = {"nam": Gender.MALE, "nu": Gender.FEMALE}  # folded: no tones, lower case


def _person_from_line(number: int, line: str) -> PersonData:
    cells = [cell.strip() for cell in line.split(";")]
    cells += [""] * (4 - len(cells))
    name, born, gender, citizen_id = cells[:4]
    try:
        birth = ROW_DATE.to_python(born) if born else None
    except forms.ValidationError:
        birth = None
    if birth is None:
        raise forms.ValidationError(
            _("Dòng %(row)s: ngày sinh “%(value)s” không đúng dạng dd/mm/yyyy.")
            % {"row": number, "value": born}
        )
    gender = fold(gender)
    if gender not in GENDER_WORDS:
        raise forms.ValidationError(
            _("Dòng %(row)s: giới tính phải là Nam hoặc Nữ.") % {"row": number}
        )
    return PersonData(
        full_name=name, birth_date=birth, gender=GENDER_WORDS[gender], citizen_id=citizen_id
    )


class UnitChoice(forms.ModelChoiceField):
    widget = SearchSelect

    def label_from_instance(self, obj: Unit) -> str:
        return f"{obj.current_name} ({obj.code})"


class TransferForm(forms.Form):
    to_unit = UnitChoice(
        label=gettext_lazy("Chuyển đến công đoàn cơ sở"), queryset=Unit.objects.none()
    )
    on = date_field(gettext_lazy("Từ ngày"))
    note = forms.CharField(label=gettext_lazy("Ghi chú"), required=False, max_length=300)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_unit"].queryset = units
        if not units.exists():
            self.fields["to_unit"].help_text = _(
                "Bạn không quản lý công đoàn cơ sở nào khác: chuyển sinh hoạt sang công đoàn "
                "khác bằng “Yêu cầu chuyển sinh hoạt”, để công đoàn nhận tiếp nhận."
            )


class ExitForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Lý do"),
        choices=[(k, label) for k, label in ExitKind.choices if k != ExitKind.TRANSFER],
    )
    on = date_field(gettext_lazy("Từ ngày"))
    note = forms.CharField(label=gettext_lazy("Ghi chú"), required=False, max_length=300)


class ReadmitForm(DecisionFields):
    unit = UnitChoice(label=gettext_lazy("Công đoàn cơ sở"), queryset=Unit.objects.none())
    on = date_field(gettext_lazy("Ngày kết nạp lại"))
    field_order = ["unit", "on", *DECISION_FIELDS]

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ReferralForm(forms.Form):
    resolution_number = forms.CharField(label=gettext_lazy("Số nghị quyết của BCH"), max_length=60)
    resolution_on = date_field(gettext_lazy("Ngày nghị quyết"))
    party_cell = forms.CharField(label=gettext_lazy("Chi bộ tiếp nhận"), max_length=200)
    co_introducer = forms.CharField(
        label=gettext_lazy("Đảng viên chính thức cùng giới thiệu"), max_length=200
    )


class ReferralStepForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Kết quả"),
        choices=[(k, v) for k, v in ReferralStatus.choices if k != ReferralStatus.INTRODUCED],
    )
    on = date_field(gettext_lazy("Ngày"))
    admission_decision = forms.CharField(
        label=gettext_lazy("Quyết định kết nạp Đảng"), max_length=60, required=False
    )


class CardReplaceForm(forms.Form):
    on = date_field(gettext_lazy("Ngày đề nghị cấp lại"))
    lost = forms.BooleanField(
        label=gettext_lazy(
            "Thẻ bị mất: thu hồi thẻ cũ ngay (quét QR của thẻ cũ sẽ báo đã thu hồi)"
        ),
        required=False,
    )


class DayForm(forms.Form):
    on = date_field(gettext_lazy("Ngày"))


class TransferRequestForm(forms.Form):
    """The sending union's request: the receiving union (any open grassroots union, found by
    name or code) and a note for it."""

    to_unit = forms.CharField(
        label=gettext_lazy("Công đoàn cơ sở nhận"),
        max_length=40,
        help_text=gettext_lazy(
            "Gõ tên (có dấu hay không) hoặc mã của công đoàn cơ sở nơi đoàn viên chuyển đến; "
            "có thể ở liên đoàn lao động tỉnh, thành phố khác."
        ),
        widget=LookupInput(
            "units", attrs={"data-lookup": reverse_lazy("members:transfer_receivers")}
        ),
    )
    note = forms.CharField(
        label=gettext_lazy("Ghi chú gửi công đoàn nhận"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TransferAcceptForm(forms.Form):
    on = date_field(gettext_lazy("Ngày chuyển sinh hoạt (từ ngày)"))


class TransferRefuseForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Lý do không tiếp nhận"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TransferCancelForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("Tôi xác nhận hủy yêu cầu chuyển sinh hoạt này"),
        error_messages={"required": gettext_lazy("Đánh dấu xác nhận để hủy yêu cầu.")},
    )
