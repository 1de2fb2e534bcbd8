"""The member registry: people, their memberships over time, cards, and Party referrals."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congdoan.core.models import ReferenceItem, TimeStamped
from congdoan.core.params import optional_int
from congdoan.core.text import format_date, name_sort_key, search_text

CODE_PREFIX = "DV"


def person_pk_from_code(code: str) -> int | None:
    """The record number in a member code (DV000123, dv123 or 123), or None if it is not one."""
    digits = code.strip().upper().removeprefix(CODE_PREFIX)
    return optional_int(digits, minimum=1)


class Gender(models.TextChoices):
    MALE = "M", _("Nam")
    FEMALE = "F", _("Nữ")


class Ethnicity(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = _("dân tộc")
        verbose_name_plural = _("dân tộc")


class Religion(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = _("tôn giáo")
        verbose_name_plural = _("tôn giáo")


class Person(TimeStamped):
    """One person, one record, whatever unions they pass through."""

    family_name = models.CharField(_("họ"), max_length=60)
    middle_name = models.CharField(_("tên đệm"), max_length=80, blank=True)
    given_name = models.CharField(_("tên"), max_length=60)
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    # A list that gives only the year ("1997") is kept as 1/1 of that year with this flag, and
    # shown as the year alone.
    birth_year_only = models.BooleanField(_("chỉ biết năm sinh"), default=False)
    gender = models.CharField(_("giới tính"), max_length=1, choices=Gender.choices)
    citizen_id = models.CharField(_("số CCCD"), max_length=12, null=True, blank=True, unique=True)
    id_issued_on = models.DateField(_("ngày cấp"), null=True, blank=True)
    id_issued_by = models.CharField(_("nơi cấp"), max_length=200, blank=True)
    hometown = models.CharField(_("quê quán"), max_length=200, blank=True)
    ethnicity = models.ForeignKey(
        Ethnicity, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("dân tộc")
    )
    religion = models.ForeignKey(
        Religion, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("tôn giáo")
    )
    education = models.CharField(_("trình độ học vấn"), max_length=60, blank=True)
    qualification = models.CharField(_("trình độ chuyên môn"), max_length=120, blank=True)
    job = models.CharField(_("nghề nghiệp, việc làm"), max_length=200, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    address = models.CharField(_("nơi ở"), max_length=300, blank=True)
    union_joined_on = models.DateField(_("ngày vào công đoàn"), null=True, blank=True)
    party_joined_on = models.DateField(_("ngày vào Đảng"), null=True, blank=True)
    party_confirmed_on = models.DateField(_("ngày chính thức"), null=True, blank=True)
    health = models.CharField(_("tình trạng sức khỏe"), max_length=300, blank=True)
    # Ethnicity, religion and health are optional sensitive data: kept with the person's consent
    # (Decree 356/2025), the day of which is recorded here (None: not recorded).
    sensitive_consent_on = models.DateField(
        _("ngày đương sự đồng ý cung cấp dân tộc, tôn giáo, sức khỏe"), null=True, blank=True
    )
    deidentified_at = models.DateTimeField(_("ẩn danh lúc"), null=True, blank=True)
    # The card number the confederation's format gives the person at their first card
    # (congdoan.cards.numbers); every later card carries it, whatever union they move to.
    card_number = models.CharField(
        _("số thẻ đoàn viên"), max_length=13, null=True, blank=True, unique=True
    )
    # A foreign worker (Luật Công đoàn 2024, Điều 5): a nationality other than Vietnamese, the
    # passport or work permit, and the labour contract of at least 12 months.
    nationality = models.CharField(_("quốc tịch (người nước ngoài)"), max_length=60, blank=True)
    foreign_document = models.CharField(
        _("số hộ chiếu hoặc giấy phép lao động"), max_length=30, blank=True
    )
    contract_starts_on = models.DateField(_("hợp đồng lao động từ ngày"), null=True, blank=True)
    contract_ends_on = models.DateField(_("hợp đồng lao động đến ngày"), null=True, blank=True)
    sort_key = models.CharField(max_length=400, editable=False, default="")
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("người")
        verbose_name_plural = _("người")
        ordering = ["sort_key"]
        indexes = [
            # The whole name order (sort key, then id: no re-sorting of namesakes), with the
            # search text beside it on PostgreSQL so a name search's probe of the head of the
            # list reads no table rows (members/selectors.py, `_in_name_order`).
            models.Index(
                fields=["sort_key", "id"],
                include=["search_text"],
                name="members_person_name_order",
            ),
            # Who a row without CCCD is, on import: its name and birth date (imports/
            # members_import.py, `_namesakes`); the name order alone reads every namesake.
            models.Index(fields=["sort_key", "birth_date"], name="members_person_name_birth"),
            # The members who joined the Party within some days (members/counts.py,
            # `stock_changes`): the Party members of a year to date.
            models.Index(
                fields=["party_joined_on"],
                condition=models.Q(party_joined_on__isnull=False),
                name="members_person_party_joined",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(
            part for part in (self.family_name, self.middle_name, self.given_name) if part
        )

    @property
    def code(self) -> str:
        """The member code shown to users and accepted in forms: DV000123."""
        return f"{CODE_PREFIX}{self.pk:06d}"

    @property
    def birth_shown(self) -> str:
        """The birth date as the records know it: "12/05/1985", or "1997" when only the year."""
        if self.birth_date is None:
            return ""
        return str(self.birth_date.year) if self.birth_year_only else format_date(self.birth_date)

    @property
    def is_foreign(self) -> bool:
        return bool(self.nationality)

    @property
    def is_party_member(self) -> bool:
        return self.party_joined_on is not None

    def refresh_derived(self) -> None:
        """Sort key and search text follow the name; call before saving a changed name."""
        self.sort_key = name_sort_key(self.family_name, self.middle_name, self.given_name)
        self.search_text = search_text(self.full_name)

    def save(self, *args, **kwargs) -> None:
        self.refresh_derived()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "sort_key", "search_text"}
        super().save(*args, **kwargs)


class ExitKind(models.TextChoices):
    TRANSFER = "transfer", _("Chuyển sinh hoạt")
    RETIREMENT = "retirement", _("Nghỉ hưu")
    JOB_ENDED = "job_ended", _("Thôi việc, chấm dứt hợp đồng")
    VOLUNTARY = "voluntary", _("Xin ra khỏi tổ chức")
    REMOVAL = "removal", _("Xóa tên, khai trừ")
    UNIT_ENDED = "unit_ended", _("Công đoàn cơ sở giải thể")


class EntryKind(models.TextChoices):
    ADMISSION = "admission", _("Kết nạp")
    TRANSFER = "transfer", _("Chuyển đến")
    READMISSION = "readmission", _("Kết nạp lại")
    LISTED = "listed", _("Có tên trong danh sách nhập")  # joined the union before this unit existed


class Membership(TimeStamped):
    """A person's time in one grassroots union: from started_on up to (not including) ended_on."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="memberships")
    started_on = models.DateField(_("từ ngày"))
    entry_kind = models.CharField(_("hình thức"), max_length=20, choices=EntryKind.choices)
    decision = models.ForeignKey(
        "org.Decision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("quyết định"),
    )
    ended_on = models.DateField(_("đến trước ngày"), null=True, blank=True)
    exit_kind = models.CharField(
        _("lý do rời"), max_length=20, choices=ExitKind.choices, blank=True
    )
    exit_note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("quá trình sinh hoạt")
        verbose_name_plural = _("quá trình sinh hoạt")
        ordering = ["person_id", "started_on"]
        indexes = [
            models.Index(fields=["unit", "started_on"]),
            models.Index(fields=["started_on", "ended_on"]),
            # The memberships that ended within some days, beside those begun in them (the
            # days after the kept months, members/counts.py `stock_changes`): an OR of two
            # index scans, not a scan of every membership.
            models.Index(
                fields=["ended_on"],
                condition=models.Q(ended_on__isnull=False),
                name="members_membership_ended",
            ),
            # The members left in a period, and on a day inside a month (counted live).
            models.Index(fields=["unit", "ended_on"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(ended_on__isnull=True),
                name="one_open_membership_per_person",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gt=models.F("started_on")),
                name="membership_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.unit}"


class TransferStatus(models.TextChoices):
    WAITING = "waiting", _("Chờ công đoàn nhận trả lời")
    ACCEPTED = "accepted", _("Đã tiếp nhận")
    REFUSED = "refused", _("Không tiếp nhận")
    CANCELLED = "cancelled", _("Đã hủy")


class TransferRequest(TimeStamped):
    """A transfer between two unions whose officers are not the same: the sending union asks,
    the receiving union accepts (choosing the day the member moves) or refuses with a reason;
    either side may cancel while it waits (members/transfers.py)."""

    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="transfer_requests",
        verbose_name=_("đoàn viên"),
    )
    from_unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="transfers_out",
        verbose_name=_("công đoàn chuyển đi"),
    )
    to_unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="transfers_in",
        verbose_name=_("công đoàn nhận"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("ngày đề nghị"))
    note = models.TextField(_("ghi chú của công đoàn chuyển đi"), blank=True)
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=TransferStatus.choices,
        default=TransferStatus.WAITING,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("ngày trả lời"), null=True, blank=True)
    effective_on = models.DateField(_("ngày chuyển sinh hoạt"), null=True, blank=True)
    refusal_reason = models.TextField(_("lý do không tiếp nhận"), blank=True)
    membership = models.ForeignKey(
        Membership,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("quá trình sinh hoạt ở công đoàn nhận"),
    )

    class Meta:
        verbose_name = _("yêu cầu chuyển sinh hoạt")
        verbose_name_plural = _("yêu cầu chuyển sinh hoạt")
        ordering = ["-requested_at", "-pk"]
        indexes = [
            models.Index(fields=["to_unit", "status"], name="members_transfer_in"),
            models.Index(fields=["from_unit", "status"], name="members_transfer_out"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(status="waiting"),
                name="one_waiting_transfer_per_person",
            ),
            models.CheckConstraint(
                condition=~Q(from_unit=models.F("to_unit")),
                name="transfer_between_two_unions",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.to_unit}"


class CardStatus(models.TextChoices):
    REQUESTED = "requested", _("Đề nghị cấp")
    APPROVED = "approved", _("Cấp trên đã duyệt")
    PRINTED = "printed", _("Đã in")
    ISSUED = "issued", _("Đã trao thẻ")
    REPLACED = "replaced", _("Đã thay thế")
    REVOKED = "revoked", _("Đã thu hồi")


CARD_ENDED = (CardStatus.REPLACED, CardStatus.REVOKED)  # its QR answers "revoked"


class UnionCard(TimeStamped):
    """One union card: requested by the member's union, approved above, printed with the
    person's card number and a signed QR (congdoan.cards), handed over; a lost card is revoked
    and replaced. The number is the person's, so a replacement carries it too: a card is its
    number and the day it was printed."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="cards")
    number = models.CharField(_("số thẻ"), max_length=40, null=True, blank=True, db_index=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=CardStatus.choices)
    requested_on = models.DateField(_("ngày đề nghị"))
    approved_on = models.DateField(_("ngày duyệt"), null=True, blank=True)
    printed_on = models.DateField(_("ngày in (ngày cấp ghi trên thẻ)"), null=True, blank=True)
    issued_on = models.DateField(_("ngày trao thẻ"), null=True, blank=True)
    revoked_on = models.DateField(_("ngày hết giá trị"), null=True, blank=True)
    valid_until = models.DateField(_("giá trị đến ngày"), null=True, blank=True)
    token = models.CharField(_("mã ký số trên QR"), max_length=200, blank=True)
    replaces = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replaced_by"
    )

    class Meta:
        verbose_name = _("thẻ đoàn viên")
        verbose_name_plural = _("thẻ đoàn viên")
        ordering = ["-requested_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["number", "printed_on"],
                condition=Q(number__isnull=False),
                name="one_card_per_number_and_day",
            )
        ]

    def __str__(self) -> str:
        return self.number or str(_("(chưa có số)"))


class ReferralStatus(models.TextChoices):
    INTRODUCED = "introduced", _("Đã giới thiệu")
    IN_TRAINING = "in_training", _("Đang bồi dưỡng")
    ADMITTED = "admitted", _("Đã kết nạp Đảng")
    NOT_ADMITTED = "not_admitted", _("Không được kết nạp")


class PartyReferral(TimeStamped):
    """The union introduces an outstanding member to a Party cell (Party Charter art. 4)."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="referrals")
    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("công đoàn giới thiệu"),
    )
    resolution_number = models.CharField(_("số nghị quyết"), max_length=60)
    resolution_on = models.DateField(_("ngày nghị quyết"))
    party_cell = models.CharField(_("chi bộ tiếp nhận"), max_length=200)
    co_introducer = models.CharField(_("đảng viên chính thức cùng giới thiệu"), max_length=200)
    status = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=ReferralStatus.choices,
        default=ReferralStatus.INTRODUCED,
    )
    admitted_on = models.DateField(_("ngày kết nạp"), null=True, blank=True)
    admission_decision = models.CharField(_("quyết định kết nạp"), max_length=60, blank=True)
    closed_on = models.DateField(_("ngày kết thúc theo dõi"), null=True, blank=True)

    class Meta:
        verbose_name = _("giới thiệu đoàn viên ưu tú cho Đảng")
        verbose_name_plural = _("giới thiệu đoàn viên ưu tú cho Đảng")
        ordering = ["-resolution_on"]
        indexes = [models.Index(fields=["unit", "resolution_on"])]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_status_display()}"


class PlanningStatus(models.TextChoices):
    INTRODUCED = "introduced", _("Đã giới thiệu")
    PLANNED = "planned", _("Được đưa vào quy hoạch")
    NOT_PLANNED = "not_planned", _("Không được đưa vào quy hoạch")


class PlanningIntroduction(TimeStamped):
    """The union introduces one of its officials to a Party committee, to be put in the
    committee's leadership planning (giới thiệu cán bộ công đoàn để cấp ủy quy hoạch)."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="planning_introductions"
    )
    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="planning_introductions",
        verbose_name=_("công đoàn giới thiệu"),
    )
    introduced_on = models.DateField(_("ngày giới thiệu"))
    document_number = models.CharField(_("số văn bản giới thiệu"), max_length=60)
    party_committee = models.CharField(_("cấp ủy tiếp nhận"), max_length=200)
    planned_position = models.CharField(_("chức danh quy hoạch"), max_length=200)
    term_from = models.PositiveSmallIntegerField(_("quy hoạch nhiệm kỳ từ năm"))
    term_to = models.PositiveSmallIntegerField(_("đến năm"))
    status = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=PlanningStatus.choices,
        default=PlanningStatus.INTRODUCED,
    )

    class Meta:
        verbose_name = _("giới thiệu cán bộ để cấp ủy quy hoạch")
        verbose_name_plural = _("giới thiệu cán bộ để cấp ủy quy hoạch")
        ordering = ["-introduced_on", "-id"]
        indexes = [models.Index(fields=["unit", "introduced_on"])]

    def __str__(self) -> str:
        return f"{self.person} – {self.planned_position} {self.term}"

    @property
    def term(self) -> str:
        return f"{self.term_from}–{self.term_to}"


class ReadKind(models.TextChoices):
    RECORD = "record", _("Xem hồ sơ")
    EDIT = "edit", _("Mở hồ sơ để sửa")
    LIST = "list", _("Danh sách")
    EXPORT = "export", _("Xuất tệp")


class SensitiveRead(models.Model):
    """One reading of sensitive fields (CCCD, contact, ethnicity, religion, health, Party): who,
    when, whose record or which list and filter, which fields, why (exports), shown in full or
    masked. The people read are in `people`, so each person's log is one indexed query. The
    reader's name and the subject stay written here should the user or the unit go."""

    at = models.DateTimeField(_("lúc"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("người xem"),
    )
    username = models.CharField(_("tên đăng nhập"), max_length=150)
    reader_name = models.CharField(_("họ tên người xem"), max_length=300, blank=True)
    kind = models.CharField(_("hình thức"), max_length=10, choices=ReadKind.choices)
    subject = models.CharField(_("hồ sơ hoặc danh sách"), max_length=500)
    fields = models.CharField(_("các trường"), max_length=300)
    full = models.BooleanField(_("xem đầy đủ"), default=True)
    purpose = models.CharField(_("mục đích"), max_length=300, blank=True)
    rows = models.PositiveIntegerField(_("số người"), default=1)
    people = models.ManyToManyField(
        Person, through="SensitiveReadPerson", related_name="sensitive_reads"
    )

    class Meta:
        verbose_name = _("lượt đọc dữ liệu nhạy cảm")
        verbose_name_plural = _("lượt đọc dữ liệu nhạy cảm")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.username}: {self.subject}"


class SensitiveReadPerson(models.Model):
    read = models.ForeignKey(SensitiveRead, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "read"], name="one_person_per_read")
        ]

    def __str__(self) -> str:
        return f"#{self.person_id} in {self.read_id}"


class Official(TimeStamped):
    """A person holding a position in a unit, for a while."""

    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="officials")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="posts")
    position = models.ForeignKey(
        "org.Position", on_delete=models.PROTECT, verbose_name=_("chức vụ")
    )
    term = models.ForeignKey("org.Term", on_delete=models.SET_NULL, null=True, blank=True)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        db_table = "org_official"  # the table it had in org: moving the model moved no data
        verbose_name = _("cán bộ công đoàn")
        verbose_name_plural = _("cán bộ công đoàn")
        ordering = ["position__order", "starts_on"]

    def __str__(self) -> str:
        return f"{self.person} – {self.position}"
