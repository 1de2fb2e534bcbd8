"""Commendation: the catalogue of titles and award forms, campaigns with their stages, quotas and
criteria, nominations that climb the levels, council scores, objections, decisions and awards."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congdoan.core.models import ReferenceItem, TimeStamped
from congdoan.org.models import Level


class Recipient(models.TextChoices):
    PERSON = "person", _("Cá nhân")
    UNIT = "unit", _("Tập thể")


class TitleKind(models.TextChoices):
    TITLE = "title", _("Danh hiệu thi đua")
    FORM = "form", _("Hình thức khen thưởng")


class Title(ReferenceItem):
    """A title (Công nhân giỏi Thủ đô) or an award form (Bằng khen), editable as data."""

    kind = models.CharField(_("loại"), max_length=10, choices=TitleKind.choices)
    recipient = models.CharField(_("tặng cho"), max_length=10, choices=Recipient.choices)
    awarded_by = models.PositiveSmallIntegerField(
        _("cấp có thẩm quyền tặng"), choices=Level.choices
    )

    class Meta(ReferenceItem.Meta):
        verbose_name = _("danh hiệu, hình thức khen thưởng")
        verbose_name_plural = _("danh hiệu, hình thức khen thưởng")


class Campaign(TimeStamped):
    """A call for nominations (đợt biểu dương, khen thưởng) organised by one unit."""

    name = models.CharField(_("tên đợt"), max_length=300)
    purpose = models.TextField(_("mục đích"), blank=True)
    title = models.ForeignKey(Title, on_delete=models.PROTECT, verbose_name=_("danh hiệu"))
    organiser = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="campaigns", verbose_name=_("đơn vị")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    reference_on = models.DateField(_("ngày xét tiêu chuẩn"))
    quota = models.PositiveIntegerField(_("tổng chỉ tiêu"))
    requires_party_confirmation = models.BooleanField(_("cần cấp ủy xác nhận"), default=False)
    pool_title = models.ForeignKey(
        Title,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("chọn trong số người đã đạt danh hiệu cấp dưới (cùng năm)"),
    )
    score_max = models.PositiveSmallIntegerField(_("điểm tối đa"), default=100)
    pass_score = models.DecimalField(_("điểm đạt"), max_digits=5, decimal_places=2, default=0)
    publication_days = models.PositiveSmallIntegerField(_("số ngày công khai"), default=5)
    council_closed_on = models.DateField(_("hội đồng kết thúc"), null=True, blank=True)
    published_on = models.DateField(_("ngày công khai"), null=True, blank=True)
    ceremony_on = models.DateField(_("ngày tổ chức biểu dương"), null=True, blank=True)

    class Meta:
        verbose_name = _("đợt khen thưởng")
        verbose_name_plural = _("đợt khen thưởng")
        ordering = ["-year", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def publication_ends_on(self):
        if self.published_on is None:
            return None
        return self.published_on + timedelta(days=self.publication_days)


class Step(models.TextChoices):
    NOMINATE = "nominate", _("Đề nghị")
    PARTY = "party", _("Cấp ủy xác nhận")
    UPPER = "upper", _("Công đoàn cấp trên xét")
    COUNCIL = "council", _("Hội đồng thi đua – khen thưởng")


class Stage(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="stages")
    step = models.CharField(_("bước"), max_length=10, choices=Step.choices)
    deadline = models.DateField(_("hạn cuối"))

    class Meta:
        ordering = ["deadline"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "step"], name="one_stage_per_step")
        ]

    def __str__(self) -> str:
        return f"{self.get_step_display()} – {self.deadline:%d/%m/%Y}"


class Allocation(models.Model):
    """How many nominations one unit (and the units below it) may send to the campaign."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="allocations")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    quota = models.PositiveIntegerField(_("chỉ tiêu"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit"], name="one_allocation_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.quota}"


class Rule(models.TextChoices):
    PARTY_MEMBER = "party_member", _("Là đảng viên")
    POSITION = "position", _("Giữ chức vụ")
    NON_STATE_DIRECT = "non_state_direct", _("CĐCS ngoài nhà nước trực thuộc đơn vị tổ chức")
    MEMBERSHIP_YEARS = "membership_years", _("Số năm là đoàn viên")
    NOT_AWARDED = "not_awarded", _("Chưa được tặng danh hiệu này trong năm")
    NO_EXCLUSION = "no_exclusion", _("Không thuộc trường hợp loại trừ")
    IN_POOL = "in_pool", _("Đã đạt danh hiệu ở cấp dưới")
    JUDGED = "judged", _("Do người xét đánh giá")


class Criterion(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField(default=0)
    rule = models.CharField(_("cách xét"), max_length=20, choices=Rule.choices)
    text = models.CharField(_("tiêu chuẩn"), max_length=500)
    params = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def judged(self) -> bool:
        return self.rule == Rule.JUDGED


class ExclusionKind(models.TextChoices):
    ABSENT = "absent", _("Nghỉ việc từ 40 ngày trở lên")
    DISCIPLINE = "discipline", _("Bị kỷ luật")
    NOT_REGISTERED = "not_registered", _("Không đăng ký thi đua")
    SHORT_SERVICE = "short_service", _("Làm việc dưới 10 tháng")


class Exclusion(TimeStamped):
    """A record that disqualifies a person from commendation for a while."""

    person = models.ForeignKey("members.Person", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("trường hợp"), max_length=20, choices=ExclusionKind.choices)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("trường hợp loại trừ")
        verbose_name_plural = _("trường hợp loại trừ")


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Đã gửi")
    PARTY_CONFIRMED = "party_confirmed", _("Cấp ủy đã xác nhận")
    UPPER_APPROVED = "upper_approved", _("Cấp trên đã duyệt, chờ hội đồng")
    RETURNED = "returned", _("Trả lại để bổ sung")
    SELECTED = "selected", _("Hội đồng chọn")
    NOT_SELECTED = "not_selected", _("Hội đồng không chọn")
    WITHDRAWN = "withdrawn", _("Rút khỏi danh sách")
    AWARDED = "awarded", _("Đã khen thưởng")


ACTIVE = [s for s in Status.values if s not in (Status.WITHDRAWN, Status.NOT_SELECTED)]


class Nomination(TimeStamped):
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="nominations")
    person = models.ForeignKey(
        "members.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    nominating_unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="nominations_sent"
    )
    allocation = models.ForeignKey(Allocation, on_delete=models.PROTECT, null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices)
    achievement = models.TextField(_("báo cáo thành tích"))
    source_award = models.ForeignKey(
        "Award", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    party_confirmed_by = models.CharField(_("cấp ủy xác nhận"), max_length=200, blank=True)
    party_document = models.CharField(_("số văn bản xác nhận"), max_length=60, blank=True)
    returned_reason = models.TextField(_("lý do trả lại"), blank=True)
    returned_from = models.CharField(max_length=20, blank=True)
    average = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    rank = models.PositiveIntegerField(null=True, blank=True)
    sort_key = models.CharField(max_length=400, default="", db_index=True)

    class Meta:
        verbose_name = _("hồ sơ đề nghị")
        verbose_name_plural = _("hồ sơ đề nghị")
        ordering = ["sort_key", "pk"]
        indexes = [models.Index(fields=["campaign", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "person"],
                condition=Q(person__isnull=False),
                name="one_nomination_per_person",
            ),
            models.UniqueConstraint(
                fields=["campaign", "unit"],
                condition=Q(unit__isnull=False),
                name="one_nomination_per_unit",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=True, unit__isnull=False)
                | Q(person__isnull=False, unit__isnull=True),
                name="nominee_is_person_or_unit",
            ),
        ]

    @property
    def nominee_name(self) -> str:
        return self.person.full_name if self.person_id else self.unit.latest_name


class Attachment(models.Model):
    """A file of a nomination's dossier, kept in the database (dossiers are not public files)."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="attachments")
    name = models.CharField(_("tên tệp"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    data = models.BinaryField()
    # The content's hash: a PDF's signature check is kept under it (signing.PdfCheck).
    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.name


class Check(models.Model):
    """A line of a nominee's eligibility sheet: a criterion, its result, the deciding record."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="checks")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    passed = models.BooleanField(null=True)  # None: judged by people
    evidence = models.TextField()

    class Meta:
        ordering = ["criterion__order", "criterion_id"]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.passed}"


class EventAction(models.TextChoices):
    SUBMIT = "submit", _("Gửi đề nghị")
    PARTY_CONFIRM = "party_confirm", _("Cấp ủy xác nhận")
    UPPER_APPROVE = "upper_approve", _("Cấp trên duyệt, chuyển hội đồng")
    RETURN = "return", _("Trả lại")
    RESUBMIT = "resubmit", _("Gửi lại")
    RECUSE = "recuse", _("Thành viên hội đồng xin không chấm")
    OBJECTION = "objection", _("Nhận ý kiến phản ánh")
    OBJECTION_RESOLVE = "objection_resolve", _("Giải quyết ý kiến phản ánh")


class Event(models.Model):
    """A step in a nomination's climb: who did what, when, with which reason or paper."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    on = models.DateField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True)
    action = models.CharField(max_length=30, choices=EventAction.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y} {self.action}"


class CouncilMember(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="council")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    secretary = models.BooleanField(_("thư ký"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "user"], name="council_member_once")
        ]

    def __str__(self) -> str:
        return str(self.user)


class Score(models.Model):
    """A council member's score of one nomination, or their recusal (not an abstention)."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="scores")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="scores")
    points = models.DecimalField(max_digits=5, decimal_places=2, null=True)
    recused = models.BooleanField(default=False)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["nomination", "member"], name="one_score_per_member"),
            models.CheckConstraint(
                condition=Q(recused=True, points__isnull=True)
                | Q(recused=False, points__isnull=False),
                name="score_or_recusal",
            ),
        ]

    def __str__(self) -> str:
        return "recused" if self.recused else str(self.points)


class Objection(TimeStamped):
    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="objections")
    received_on = models.DateField(_("ngày nhận"))
    raised_by = models.CharField(_("người phản ánh"), max_length=200)
    content = models.TextField(_("nội dung"))
    resolved_on = models.DateField(_("ngày giải quyết"), null=True, blank=True)
    upheld = models.BooleanField(_("phản ánh đúng"), null=True)
    resolution = models.TextField(_("kết quả giải quyết"), blank=True)


from congdoan.awards.decision_models import (  # noqa: E402  (they point back here)
    Award,
    AwardDecision,
    DecisionKind,
    DecisionSequence,
)

__all__ = ["Award", "AwardDecision", "DecisionKind", "DecisionSequence"]
