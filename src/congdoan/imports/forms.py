from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congdoan.core.forms import day_field
from congdoan.imports.columns import FIELDS, is_complete
from congdoan.imports.models import ImportKind
from congdoan.imports.reading import ImportRefused, require_size


class ListFileForm(forms.Form):
    """A list to import: the file, refused past the upload limit before it is read."""

    file = forms.FileField(
        label=_("Tệp danh sách (.xlsx, .xls, .ods, .csv)"),
        error_messages={
            "required": _("Chọn tệp danh sách cần nhập."),
            "empty": _("Tệp rỗng: không có dòng nào để nhập."),
        },
    )

    def clean_file(self):
        """A file over the limit is refused before anyone reads it into memory."""
        upload = self.cleaned_data["file"]
        try:
            require_size(upload.size)
        except ImportRefused as refused:
            raise forms.ValidationError(refused.message) from None
        return upload


class UploadForm(ListFileForm):
    kind = forms.ChoiceField(
        label=_("Loại danh sách"),
        choices=[(k, label) for k, label in ImportKind.choices if k != ImportKind.CARE],
    )
    field_order = ["kind", "file"]
    joined_on = day_field(
        _("Ngày vào công đoàn, hoặc ngày thành lập công đoàn cơ sở, khi dòng không ghi"),
        initial=timezone.localdate,
    )
    decision_number = forms.CharField(
        label=_("Số quyết định thành lập cho các dòng không ghi (danh sách công đoàn cơ sở)"),
        required=False,
        max_length=60,
    )


class MappingForm(forms.Form):
    """One choice per column of the file: which field it holds, or nothing."""

    def __init__(self, *args, kind: str, labels: list[str], mapping: dict[str, int], **kwargs):
        super().__init__(*args, **kwargs)
        self.complete = is_complete(mapping, kind)  # the page opens the choices when not
        choices = [("", "—")] + [(name, label) for name, (label, _names) in FIELDS[kind].items()]
        by_column = {index: name for name, index in mapping.items()}
        for index, label in enumerate(labels):
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=label or _("(cột %(n)s không tiêu đề)") % {"n": index + 1},
                choices=choices,
                required=False,
                initial=by_column.get(index, ""),
            )

    def clean(self):
        self.chosen: dict[str, int] = {}
        for key, value in list(self.cleaned_data.items()):
            if value in self.chosen:
                self.add_error(key, _("Trường này đã được chọn cho một cột khác."))
            elif value:
                self.chosen[value] = int(key.removeprefix("column_"))
        return self.cleaned_data
