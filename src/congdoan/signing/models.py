"""Each issuing unit's signing certificate (the PKCS#12 sealed at rest), who may sign for it, the
trust roots checks chain to, every paper signed at issue (stored unchanged, with its hash), and
the check of every PDF uploaded."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from congdoan.core.models import TimeStamped


class SigningCertificate(TimeStamped):
    """A unit's certificate. Only the newest in force signs; older ones stay to name what they
    signed. The key and certificate are kept as a PKCS#12 sealed with Fernet (the vault)."""

    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="signing_certificates",
        verbose_name=_("đơn vị"),
    )
    sealed = models.BinaryField(_("khóa và chứng thư (đã mã hóa)"))
    subject = models.CharField(_("chủ thể"), max_length=300)
    issuer = models.CharField(_("nhà cung cấp"), max_length=300)
    serial = models.CharField(_("số hiệu"), max_length=80)
    fingerprint = models.CharField(_("dấu vân tay SHA-256"), max_length=64)
    not_before = models.DateTimeField(_("hiệu lực từ"))
    not_after = models.DateTimeField(_("hiệu lực đến"))
    retired_at = models.DateTimeField(_("thôi dùng từ"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("chứng thư số của đơn vị")
        verbose_name_plural = _("chứng thư số của đơn vị")
        ordering = ["unit_id", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit"],
                condition=models.Q(retired_at__isnull=True),
                name="one_open_signing_certificate_per_unit",
            )
        ]

    def __str__(self) -> str:
        return self.subject


class Signer(TimeStamped):
    """A user named to sign for a unit, with the name and title the signature box prints."""

    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="signers", verbose_name=_("đơn vị")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="signer_posts",
        verbose_name=_("tài khoản"),
    )
    name = models.CharField(_("họ và tên người ký"), max_length=200)
    title = models.CharField(_("chức vụ"), max_length=200)

    class Meta:
        verbose_name = _("người ký")
        verbose_name_plural = _("người ký")
        ordering = ["unit_id", "name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "user"], name="one_signer_post_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.title}"


class TrustRoot(TimeStamped):
    """A root certificate authority the checks trust (the national root CA, others added)."""

    name = models.CharField(_("tên"), max_length=300)
    der = models.BinaryField(_("chứng thư (DER)"))
    fingerprint = models.CharField(_("dấu vân tay SHA-256"), max_length=64, unique=True)
    not_after = models.DateTimeField(_("hiệu lực đến"))

    class Meta:
        verbose_name = _("chứng thư gốc tin cậy")
        verbose_name_plural = _("chứng thư gốc tin cậy")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class PaperKind(models.TextChoices):
    DECISION = "decision", _("Quyết định")
    CERTIFICATE = "certificate", _("Giấy chứng nhận")
    MINUTES = "minutes", _("Biên bản")
    COVENANT = "covenant", _("Giao ước thi đua")
    REPORT = "report", _("Báo cáo")


class SignedPaper(models.Model):
    """A paper as issued: the PDF stored unchanged (signed, or marked unsigned when its unit has
    no certificate), with its SHA-256; downloads serve these bytes."""

    kind = models.CharField(_("loại giấy tờ"), max_length=12, choices=PaperKind.choices)
    reference = models.CharField(_("giấy tờ"), max_length=80)
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị ban hành")
    )
    data = models.BinaryField(_("tệp PDF"))
    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64)
    signed = models.BooleanField(_("đã ký số"))
    certificate = models.ForeignKey(
        SigningCertificate, on_delete=models.PROTECT, null=True, blank=True, related_name="papers"
    )
    signer = models.ForeignKey(
        Signer, on_delete=models.SET_NULL, null=True, blank=True, related_name="papers"
    )
    signer_name = models.CharField(_("người ký"), max_length=200, blank=True)
    signer_title = models.CharField(_("chức vụ"), max_length=200, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    issued_at = models.DateTimeField(_("ban hành lúc"))
    timestamp_authority = models.CharField(
        _("dịch vụ cấp dấu thời gian"), max_length=300, blank=True
    )

    class Meta:
        verbose_name = _("giấy tờ đã ban hành")
        verbose_name_plural = _("giấy tờ đã ban hành")
        constraints = [
            models.UniqueConstraint(fields=["kind", "reference"], name="one_paper_per_reference")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.reference}"


class CheckStatus(models.TextChoices):
    UNSIGNED = "unsigned", _("Không có chữ ký số")
    INTACT = "intact", _("Chữ ký số hợp lệ, tệp nguyên vẹn")
    ALTERED = "altered", _("Tệp đã bị sửa sau khi ký – không tin cậy")
    UNREADABLE = "unreadable", _("Không đọc được tệp PDF")


class PdfCheck(models.Model):
    """What the check found in an uploaded PDF, keyed by its content's hash (the same bytes are
    checked once; a later trust root is taken into account by checking again)."""

    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64, unique=True)
    status = models.CharField(_("kết quả"), max_length=10, choices=CheckStatus.choices)
    signer = models.CharField(_("người ký"), max_length=300, blank=True)
    issuer = models.CharField(_("nhà cung cấp chứng thư"), max_length=300, blank=True)
    signed_at = models.DateTimeField(_("ký lúc"), null=True, blank=True)
    trusted = models.BooleanField(_("chứng thư tin cậy"), default=False)
    valid_at_signing = models.BooleanField(_("còn hiệu lực khi ký"), default=False)
    timestamped = models.BooleanField(_("có dấu thời gian"), default=False)
    checked_at = models.DateTimeField(_("kiểm tra lúc"))

    class Meta:
        verbose_name = _("kết quả kiểm tra chữ ký số")
        verbose_name_plural = _("kết quả kiểm tra chữ ký số")

    def __str__(self) -> str:
        return f"{self.sha256[:12]} {self.status}"
