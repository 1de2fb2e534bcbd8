"""Forms of the awards pages, with Vietnamese messages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congdoan.accounts.lookups import council_candidates, unit_in_scope, user_label
from congdoan.accounts.models import User
from congdoan.accounts.scope import Scope
from congdoan.awards.models import ExclusionKind, Rule, Step, Title
from congdoan.core.forms import (
    AllocationLines,
    LookupInput,
    SearchCheckboxes,
    SearchSelect,
    lookup_params,
)
from congdoan.core.params import MAX_COUNT, bounded, optional_int
from congdoan.members.lookups import member_in_scope
from congdoan.org.forms import date_field
from congdoan.org.models import Unit


class CampaignForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Tên đợt"), max_length=300)
    purpose = forms.CharField(label=gettext_lazy("Mục đích"), widget=forms.Textarea, required=False)
    title = forms.ModelChoiceField(
        label=gettext_lazy("Danh hiệu, hình thức"), queryset=Title.objects.filter(active=True)
    )
    year = forms.IntegerField(label=gettext_lazy("Năm"), min_value=1990, max_value=2100)
    reference_on = date_field(gettext_lazy("Ngày xét tiêu chuẩn"))
    quota = bounded(forms.IntegerField(label=gettext_lazy("Tổng chỉ tiêu"), min_value=1))
    requires_party_confirmation = forms.BooleanField(
        label=gettext_lazy("Cần cấp ủy xác nhận"), required=False
    )
    nominate_by = date_field(gettext_lazy("Hạn gửi hồ sơ"))
    party_by = date_field(gettext_lazy("Hạn cấp ủy xác nhận"))
    upper_by = date_field(gettext_lazy("Hạn cấp trên xét"))
    council_by = date_field(gettext_lazy("Hạn hội đồng chấm"))
    score_max = forms.IntegerField(
        label=gettext_lazy("Điểm tối đa"),
        min_value=1,
        max_value=1000,
        initial=100,
        help_text=gettext_lazy("Biểu quyết: điểm tối đa 1 (1 là đồng ý), điểm đạt 0,5."),
    )
    pass_score = forms.DecimalField(
        label=gettext_lazy("Điểm đạt"), min_value=0, max_digits=5, decimal_places=2, initial=0
    )
    publication_days = forms.IntegerField(
        label=gettext_lazy("Số ngày công khai"), min_value=1, max_value=60, initial=5
    )
    allocations = forms.CharField(
        label=gettext_lazy("Chỉ tiêu theo đơn vị"),
        widget=AllocationLines,
        help_text=gettext_lazy("Mỗi dòng: mã đơn vị: số lượng, ví dụ CDCS-ASTI: 1"),
    )
    rules = forms.MultipleChoiceField(
        label=gettext_lazy("Tiêu chuẩn xét từ hồ sơ"),
        choices=[(r.value, r.label) for r in Rule if r not in (Rule.JUDGED, Rule.IN_POOL)],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    years = forms.IntegerField(
        label=gettext_lazy("Số năm là đoàn viên"), min_value=1, max_value=100, initial=3
    )
    judged = forms.CharField(
        label=gettext_lazy("Tiêu chuẩn do người xét đánh giá"),
        widget=forms.Textarea,
        required=False,
        help_text=gettext_lazy("Mỗi dòng một tiêu chuẩn; người đề nghị phải chứng minh."),
    )
    council = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Thành viên hội đồng"),
        queryset=User.objects.none(),
        widget=SearchCheckboxes,
    )
    secretary = forms.ModelChoiceField(
        label=gettext_lazy("Thư ký hội đồng"),
        queryset=User.objects.none(),
        required=False,
        widget=SearchSelect,
    )
    pool_title = forms.ModelChoiceField(
        label=gettext_lazy("Chọn trong số người đã đạt danh hiệu cấp dưới"),
        queryset=Title.objects.filter(active=True),
        required=False,
        help_text=gettext_lazy("Đợt nối tiếp: ví dụ Công nhân giỏi cấp ngành → Thủ đô."),
    )

    def council_seats(self) -> list[tuple[object, bool]]:
        secretary = self.cleaned_data.get("secretary")
        return [(user, user == secretary) for user in self.cleaned_data["council"]]

    def __init__(self, *args, organiser: Unit, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.organiser, self.scope = organiser, scope
        for name in ("council", "secretary"):  # the organiser's line of the tree, no other
            self.fields[name].queryset = council_candidates(organiser).order_by(
                "last_name", "first_name", "username"
            )
            self.fields[name].label_from_instance = user_label
        lookup_params(self.fields["allocations"], under=organiser.pk)

    def clean_allocations(self) -> list[tuple[Unit, int]]:
        """Each line "CODE: n" names a unit at or under the organiser; every bad line is named."""
        rows, problems = [], []
        for number, line in enumerate(self.cleaned_data["allocations"].splitlines(), start=1):
            if not line.strip():
                continue
            code, _sep, quota = line.partition(":")
            try:
                count = optional_int(quota, maximum=MAX_COUNT)
                if not code.strip() or count is None:
                    raise forms.ValidationError(
                        _("cần “mã đơn vị: số lượng”, số lượng từ 0 đến %(max)s.")
                        % {"max": MAX_COUNT}
                    )
                unit = unit_in_scope(code, self.scope, under=self.organiser)
                rows.append((unit, count))
            except forms.ValidationError as error:
                problems += [
                    _("Dòng %(n)s: %(reason)s") % {"n": number, "reason": reason}
                    for reason in error.messages
                ]
        if problems:
            raise forms.ValidationError(problems)
        return rows

    def deadlines(self) -> dict:
        data = self.cleaned_data
        return {
            Step.NOMINATE: data["nominate_by"],
            Step.PARTY: data["party_by"],
            Step.UPPER: data["upper_by"],
            Step.COUNCIL: data["council_by"],
        }

    def criteria(self) -> list[tuple[str, str, dict]]:
        data = self.cleaned_data
        rows = []
        for rule in data["rules"]:
            params = {"years": data["years"]} if rule == Rule.MEMBERSHIP_YEARS else {}
            label = Rule(rule).label
            if rule == Rule.MEMBERSHIP_YEARS:
                label = _("Là đoàn viên đủ %(n)s năm") % {"n": data["years"]}
            rows.append((rule, str(label), params))
        rows += [
            (Rule.JUDGED, line.strip(), {}) for line in data["judged"].splitlines() if line.strip()
        ]
        return rows


class NominateForm(forms.Form):
    from_unit = forms.ModelChoiceField(
        label=gettext_lazy("Đơn vị đề nghị"), queryset=None, widget=SearchSelect
    )
    member_code = forms.CharField(
        label=gettext_lazy("Mã đoàn viên được đề nghị"),
        max_length=20,
        required=False,
        help_text=gettext_lazy("Ví dụ: DV000123, hoặc gõ tên để tìm"),
        widget=LookupInput("members"),
    )
    unit_code = forms.CharField(
        label=gettext_lazy("Hoặc mã tập thể được đề nghị"),
        max_length=40,
        required=False,
        widget=LookupInput("units", params="open=1"),
    )
    achievement = forms.CharField(label=gettext_lazy("Báo cáo thành tích"), widget=forms.Textarea)
    attachment = forms.FileField(label=gettext_lazy("Hồ sơ kèm theo"), required=False)

    def __init__(self, *args, units, judged, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        self.fields["from_unit"].queryset = units
        self.fields["from_unit"].empty_label = None  # most officers keep one unit
        self.fields["from_unit"].label_from_instance = lambda u: u.current_name
        for criterion in judged:
            self.fields[f"judged_{criterion.pk}"] = forms.CharField(
                label=criterion.text, widget=forms.Textarea(attrs={"rows": 2}), required=False
            )

    def clean(self):
        """The nominee: a member the officer's scope reads, or a unit at or under the
        nominating unit; anything else answers as a code that does not exist."""
        data = super().clean()
        code, unit_code = data.get("member_code", "").strip(), data.get("unit_code", "").strip()
        if code:
            data["person"] = member_in_scope(code, self.scope)
        elif unit_code:
            if data.get("from_unit") is not None:
                data["unit"] = unit_in_scope(unit_code, self.scope, under=data["from_unit"])
        else:
            raise forms.ValidationError(_("Cần mã đoàn viên hoặc mã tập thể được đề nghị."))
        return data

    def statements(self) -> dict[int, str]:
        return {
            int(name.removeprefix("judged_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("judged_")
        }


class ExclusionForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Trường hợp"), choices=ExclusionKind.choices)
    starts_on = date_field(gettext_lazy("Từ ngày"))
    ends_on = date_field(gettext_lazy("Đến ngày"))
    note = forms.CharField(label=gettext_lazy("Ghi chú"), max_length=300, required=False)


class DecideForm(forms.Form):
    signed_on = date_field(gettext_lazy("Ngày ký"))
    signer = forms.CharField(label=gettext_lazy("Người ký"), max_length=200)
    suffix = forms.CharField(label=gettext_lazy("Ký hiệu"), max_length=30, initial="QĐ-LĐLĐ")


class RevokeForm(DecideForm):
    reason = forms.CharField(label=gettext_lazy("Lý do thu hồi"), widget=forms.Textarea)
