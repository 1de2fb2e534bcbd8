"""Emulation: scorecards (criteria as data), the yearly grassroots quality rating, clusters with
their covenants, targets and signatures, scoring rounds, standings and proposals."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congdoan.core.models import TimeStamped

POINTS = {"max_digits": 5, "decimal_places": 1}


class Purpose(models.TextChoices):
    QUALITY = "quality", _("Xếp loại chất lượng CĐCS")
    CLUSTER = "cluster", _("Thi đua cụm, khối")


class UnitKind(models.TextChoices):
    ENTERPRISE = "enterprise", _("CĐCS doanh nghiệp")
    PUBLIC = "public", _("CĐCS cơ quan, đơn vị sự nghiệp")
    ANY = "any", _("Mọi đơn vị")


class Klass(models.TextChoices):
    EXCELLENT = "excellent", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "good", _("Hoàn thành tốt nhiệm vụ")
    COMPLETED = "completed", _("Hoàn thành nhiệm vụ")
    NOT_COMPLETED = "not_completed", _("Không hoàn thành nhiệm vụ")


class Scorecard(TimeStamped):
    """A year's scale for one purpose and kind of unit; copied, never rewritten, for a new year."""

    owner = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, verbose_name=_("đơn vị ban hành")
    )
    purpose = models.CharField(_("mục đích"), max_length=20, choices=Purpose.choices)
    unit_kind = models.CharField(_("loại đơn vị"), max_length=20, choices=UnitKind.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    name = models.CharField(_("tên bảng điểm"), max_length=200)
    excellent_min = models.DecimalField(_("điểm tối thiểu loại xuất sắc"), default=90, **POINTS)
    good_min = models.DecimalField(_("điểm tối thiểu loại tốt"), default=70, **POINTS)
    completed_min = models.DecimalField(_("điểm tối thiểu loại hoàn thành"), default=50, **POINTS)
    group_min_percent = models.PositiveSmallIntegerField(
        _("tỷ lệ tối thiểu mỗi nhóm để xếp loại tốt trở lên (%)"), default=50
    )
    copied_from = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        verbose_name = _("bảng chấm điểm")
        verbose_name_plural = _("bảng chấm điểm")
        ordering = ["-year", "purpose", "unit_kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "purpose", "unit_kind", "year"], name="one_scorecard_per_year"
            ),
            models.CheckConstraint(
                condition=Q(excellent_min__gt=models.F("good_min"))
                & Q(good_min__gt=models.F("completed_min"))
                & Q(completed_min__gte=0),
                name="scorecard_thresholds_descend",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class CriterionKind(models.TextChoices):
    NORMAL = "normal", _("Tiêu chí")
    BONUS = "bonus", _("Điểm thưởng")
    PENALTY = "penalty", _("Điểm trừ")


class Criterion(models.Model):
    """A criterion or sub-criterion; only leaves are scored, a group's maximum caps its leaves."""

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="criteria")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    code = models.CharField(_("mục"), max_length=20)
    title = models.CharField(_("nội dung"), max_length=400)
    max_points = models.DecimalField(_("điểm tối đa"), **POINTS)
    kind = models.CharField(
        _("loại"), max_length=10, choices=CriterionKind.choices, default=CriterionKind.NORMAL
    )
    evidence = models.CharField(_("minh chứng cần có"), max_length=400, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["scorecard_id", "order"]
        constraints = [
            models.UniqueConstraint(fields=["scorecard", "code"], name="criterion_code_once"),
            models.CheckConstraint(condition=Q(max_points__gt=0), name="criterion_max_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"


class RatingStatus(models.TextChoices):
    SELF = "self", _("Đã tự chấm")
    CHECKED = "checked", _("Cấp trên đã thẩm định")
    PUBLISHED = "published", _("Đã công bố")


class QualityRating(TimeStamped):
    """One grassroots union's quality rating for a year: self-scored, checked, published."""

    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="quality_ratings")
    year = models.PositiveSmallIntegerField(_("năm"))
    scorecard = models.ForeignKey(Scorecard, on_delete=models.PROTECT)
    status = models.CharField(_("trạng thái"), max_length=12, choices=RatingStatus.choices)
    self_total = models.DecimalField(_("điểm tự chấm"), **POINTS)
    total = models.DecimalField(_("điểm sau thẩm định"), **POINTS)
    klass = models.CharField(_("xếp loại"), max_length=16, choices=Klass.choices)
    published_on = models.DateField(_("ngày công bố"), null=True, blank=True)

    class Meta:
        verbose_name = _("xếp loại chất lượng CĐCS")
        verbose_name_plural = _("xếp loại chất lượng CĐCS")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="one_rating_per_union_year")
        ]
        indexes = [models.Index(fields=["year", "klass"])]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}: {self.get_klass_display()}"


class RatingEntry(models.Model):
    rating = models.ForeignKey(QualityRating, on_delete=models.CASCADE, related_name="entries")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT)
    self_points = models.DecimalField(_("tự chấm"), **POINTS)
    points = models.DecimalField(_("cấp trên chấm"), **POINTS)
    evidence = models.CharField(_("minh chứng"), max_length=400, blank=True)
    reason = models.CharField(_("lý do điều chỉnh"), max_length=400, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["rating", "criterion"], name="rating_entry_once")
        ]

    def __str__(self) -> str:
        return f"{self.rating_id}:{self.criterion_id}={self.points}"


class ClusterKind(models.TextChoices):
    CLUSTER = "cluster", _("Cụm thi đua")
    BLOC = "bloc", _("Khối thi đua")


class Cluster(TimeStamped):
    """A cluster (cụm) or bloc (khối) of peer units for one year."""

    kind = models.CharField(
        _("loại"), max_length=10, choices=ClusterKind.choices, default=ClusterKind.CLUSTER
    )
    owner = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị tổ chức")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    name = models.CharField(_("tên cụm, khối"), max_length=200)
    lead = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("cụm trưởng"),
    )
    deputy = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cụm phó"),
    )
    scorecard = models.ForeignKey(
        Scorecard, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("bảng điểm")
    )
    flag_quota = models.PositiveSmallIntegerField(_("số đề nghị cờ thi đua"), default=1)
    merit_quota = models.PositiveSmallIntegerField(_("số đề nghị bằng khen"), default=2)

    class Meta:
        verbose_name = _("cụm, khối thi đua")
        verbose_name_plural = _("cụm, khối thi đua")
        ordering = ["-year", "name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "year", "name"], name="cluster_name_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class ClusterMember(models.Model):
    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="members")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    joined_on = models.DateField(_("từ ngày"))
    left_on = models.DateField(_("đến trước ngày"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "unit"], name="cluster_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.cluster_id}:{self.unit_id}"


class Covenant(TimeStamped):
    """The cluster's yearly covenant: theme, criteria (the cluster's scorecard), targets."""

    cluster = models.OneToOneField(Cluster, on_delete=models.CASCADE, related_name="covenant")
    theme = models.CharField(_("chủ đề"), max_length=300)
    signed_on = models.DateField(_("ngày ký kết"))
    place = models.CharField(_("địa điểm"), max_length=60, default="Hà Nội")

    class Meta:
        verbose_name = _("giao ước thi đua")
        verbose_name_plural = _("giao ước thi đua")


class Indicator(models.TextChoices):
    NEW_MEMBERS = "new_members", _("Kết nạp đoàn viên mới")
    NEW_GRASSROOTS = "new_grassroots", _("Thành lập công đoàn cơ sở mới")
    PARTY_REFERRALS = "party_referrals", _("Giới thiệu đoàn viên ưu tú cho Đảng")
    DIALOGUES = "dialogues", _("Số cuộc đối thoại")
    AGREEMENTS = "agreements", _("Số thỏa ước lao động tập thể ký kết")
    TRAINING = "training", _("Số lớp tập huấn cán bộ công đoàn")


class Target(models.Model):
    covenant = models.ForeignKey(Covenant, on_delete=models.CASCADE, related_name="targets")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    indicator = models.CharField(_("chỉ tiêu"), max_length=20, choices=Indicator.choices)
    value = models.PositiveIntegerField(_("mức phấn đấu"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["covenant", "unit", "indicator"], name="target_once_per_unit"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.indicator} {self.value}"


class Signing(models.Model):
    covenant = models.ForeignKey(Covenant, on_delete=models.CASCADE, related_name="signings")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    signer_name = models.CharField(_("người ký"), max_length=200)
    signer_title = models.CharField(_("chức vụ"), max_length=120)
    signed_on = models.DateField(_("ngày ký"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["covenant", "unit"], name="signed_once_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.signed_on:%d/%m/%Y}"


class Round(models.TextChoices):
    MIDYEAR = "midyear", _("Sơ kết 6 tháng")
    YEAREND = "yearend", _("Tổng kết năm")


class Sheet(TimeStamped):
    """One scorer's score of one unit in a cluster round (self when scorer == subject)."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="sheets")
    round = models.CharField(_("đợt"), max_length=10, choices=Round.choices)
    subject = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    scorer = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    total = models.DecimalField(_("tổng điểm"), **POINTS)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "round", "subject", "scorer"], name="one_sheet_per_scorer"
            )
        ]

    @property
    def is_self(self) -> bool:
        return self.subject_id == self.scorer_id


class SheetEntry(models.Model):
    sheet = models.ForeignKey(Sheet, on_delete=models.CASCADE, related_name="entries")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT)
    points = models.DecimalField(_("điểm"), **POINTS)
    evidence = models.CharField(_("minh chứng"), max_length=400, blank=True)

    def __str__(self) -> str:
        return f"{self.sheet_id}:{self.criterion_id}={self.points}"


class RoundClosure(models.Model):
    """A finalised round; scores change only after a recorded reopening deletes this row."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="closures")
    round = models.CharField(_("đợt"), max_length=10, choices=Round.choices)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    closed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cluster", "round"], name="round_closed_once")
        ]

    def __str__(self) -> str:
        return f"{self.cluster_id} {self.round}"


class Standing(models.Model):
    """A unit's place in a finalised round: self and cross averages, peer votes, rank."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="standings")
    round = models.CharField(_("đợt"), max_length=10, choices=Round.choices)
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    self_total = models.DecimalField(_("tự chấm"), **POINTS)
    cross_total = models.DecimalField(_("chấm chéo (bình quân)"), **POINTS)
    votes = models.PositiveSmallIntegerField(_("phiếu suy tôn"), default=0)
    rank = models.PositiveSmallIntegerField(_("xếp hạng"))

    class Meta:
        ordering = ["rank", "id"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "round", "unit"], name="standing_once")
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} #{self.rank}"


class Award(models.TextChoices):
    FEDERATION_FLAG = "federation_flag", _("Cờ thi đua của LĐLĐ thành phố")
    CONFEDERATION_FLAG = "confederation_flag", _("Cờ thi đua của Tổng Liên đoàn")
    MERIT = "merit", _("Bằng khen")


class Proposal(models.Model):
    """Proposed for a flag or Bằng khen, kept until the commendation module takes it over."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="proposals")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    award = models.CharField(_("hình thức"), max_length=20, choices=Award.choices)
    rank = models.PositiveSmallIntegerField(_("xếp hạng"))

    class Meta:
        ordering = ["rank"]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.award}"


class Reopening(models.Model):
    """A finalised score reopened: what, why, by whom, when."""

    target = models.CharField(_("đối tượng"), max_length=200)
    reason = models.CharField(_("lý do"), max_length=400)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    at = models.DateTimeField(auto_now_add=True)
    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, null=True, blank=True)
    rating = models.ForeignKey(QualityRating, on_delete=models.CASCADE, null=True, blank=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.target}: {self.reason}"
