"""An uploaded list, what became of each of its rows, and the column layouts already seen."""

from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from congdoan.core.models import TimeStamped


class ImportKind(models.TextChoices):
    MEMBERS = "members", _("Danh sách đoàn viên")
    UNITS = "units", _("Danh sách công đoàn cơ sở")
    CARE = "care", _("Danh sách nhận hỗ trợ của chương trình chăm lo")


class ImportStatus(models.TextChoices):
    UPLOADED = "uploaded", _("Đã tải lên")
    PREVIEWING = "previewing", _("Đang kiểm tra")
    PREVIEWED = "previewed", _("Đã kiểm tra, chờ ghi")
    COMMITTING = "committing", _("Đang ghi")
    DONE = "done", _("Đã ghi xong")
    FAILED = "failed", _("Không thành công")


class Outcome(models.TextChoices):
    NEW = "new", _("Thêm mới")
    UPDATE = "update", _("Cập nhật")
    UNCHANGED = "unchanged", _("Không đổi")
    DUPLICATE = "duplicate", _("Trùng trong tệp")
    REJECTED = "rejected", _("Bị từ chối")
    SKIPPED = "skipped", _("Bỏ qua (dòng trống, tổng cộng, chữ ký)")


class ImportJob(TimeStamped):
    kind = models.CharField(_("loại"), max_length=20, choices=ImportKind.choices)
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="imports", verbose_name=_("nhập vào")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="imports"
    )
    filename = models.CharField(_("tên tệp"), max_length=255)
    data = models.BinaryField(_("nội dung tệp"))
    # A file the command line imported is kept on disk instead (it may be far past the
    # upload limit, and is streamed to the reader): its path under DATA_DIR.
    stored_file = models.CharField(_("tệp lưu trên đĩa"), max_length=255, blank=True)
    sheet_name = models.CharField(_("trang tính"), max_length=255, blank=True)
    header_row = models.PositiveIntegerField(null=True, blank=True)
    labels = models.JSONField(default=list)
    mapping = models.JSONField(default=dict)
    joined_on = models.DateField(
        _("ngày vào công đoàn, ngày thành lập (khi dòng không ghi)"), null=True
    )
    decision_number = models.CharField(
        _("số quyết định thành lập (khi dòng không ghi)"), max_length=60, blank=True
    )
    # A list of people supported: the care programme it belongs to (the union is `unit`).
    care_programme = models.ForeignKey(
        "care.CareProgramme", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=20, choices=ImportStatus.choices)
    rows_total = models.PositiveIntegerField(_("số dòng dưới tiêu đề"), default=0)
    counts = models.JSONField(default=dict)
    message = models.TextField(blank=True)
    # The lease of the run under way: the worker beats every few seconds while it previews or
    # commits; a run whose beat is older than the stale limit died (services.reap_if_stale).
    heartbeat_at = models.DateTimeField(_("tín hiệu gần nhất của tiến trình"), null=True)
    attempt = models.PositiveIntegerField(_("lần chạy"), default=0)
    commit_requested_at = models.DateTimeField(_("yêu cầu ghi lúc"), null=True)

    class Meta:
        verbose_name = _("lần nhập")
        verbose_name_plural = _("lần nhập")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename

    def source(self) -> bytes | Path:
        """What the reader reads: the kept file on disk, else the upload's bytes."""
        if self.stored_file:
            return Path(settings.DATA_DIR) / self.stored_file
        return bytes(self.data)

    @property
    def finished(self) -> bool:
        return self.status in (ImportStatus.PREVIEWED, ImportStatus.DONE, ImportStatus.FAILED)


class ImportRow(models.Model):
    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="rows")
    number = models.PositiveIntegerField(_("dòng"))
    outcome = models.CharField(_("kết quả"), max_length=20, choices=Outcome.choices)
    reason = models.TextField(_("lý do"), blank=True)
    key = models.CharField(max_length=200, blank=True)
    name = models.CharField(_("họ và tên / tên đơn vị"), max_length=300, blank=True)
    person = models.ForeignKey(
        "members.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    original = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["number"]
        indexes = [
            models.Index(fields=["job", "key"]),
            models.Index(fields=["job", "outcome", "number"]),
        ]

    def __str__(self) -> str:
        return f"{self.number}: {self.outcome}"


class ColumnLayout(models.Model):
    """A header seen before: the same layout next time gets the mapping the user confirmed."""

    kind = models.CharField(max_length=20, choices=ImportKind.choices)
    key = models.CharField(max_length=64)
    mapping = models.JSONField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="one_layout_per_key")]

    def __str__(self) -> str:
        return f"{self.kind} {self.key[:8]}"
