"""The organisation tree: units, their dated versions (name, place), terms, officials."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congdoan.core.models import ReferenceItem, TimeStamped
from congdoan.core.text import vi_sort_key


class Level(models.IntegerChoices):
    CONFEDERATION = 0, _("Tổng Liên đoàn")
    FEDERATION = 1, _("Liên đoàn Lao động tỉnh, thành phố / công đoàn ngành trung ương")
    UPPER = 2, _("Công đoàn cấp trên trực tiếp cơ sở")
    GRASSROOTS = 3, _("Công đoàn cơ sở")
    SECTION = 4, _("Công đoàn bộ phận")
    GROUP = 5, _("Tổ công đoàn")


class UnitType(ReferenceItem):
    level = models.PositiveSmallIntegerField(_("cấp"), choices=Level.choices)

    class Meta(ReferenceItem.Meta):
        verbose_name = _("loại đơn vị")
        verbose_name_plural = _("loại đơn vị")


class Sector(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = _("khu vực")
        verbose_name_plural = _("khu vực")


class Position(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = _("chức vụ")
        verbose_name_plural = _("chức vụ")


class Decision(TimeStamped):
    """The paper behind a change: 1940/QĐ-LĐLĐ, signed on a date by someone."""

    number = models.CharField(_("số quyết định"), max_length=60)
    signed_on = models.DateField(_("ngày ký"))
    signer = models.CharField(_("người ký"), max_length=200)
    reason = models.TextField(_("lý do"), blank=True)

    class Meta:
        verbose_name = _("quyết định")
        verbose_name_plural = _("quyết định")
        ordering = ["-signed_on", "number"]

    def __str__(self) -> str:
        return f"{self.number} ({self.signed_on:%d/%m/%Y})"


class Reorganisation(TimeStamped):
    class Kind(models.TextChoices):
        ESTABLISH = "establish", _("Thành lập")
        RENAME = "rename", _("Đổi tên")
        MOVE = "move", _("Chuyển đơn vị quản lý")
        MERGE = "merge", _("Hợp nhất, sáp nhập")
        SPLIT = "split", _("Chia tách")
        END = "end", _("Giải thể, kết thúc hoạt động")

    kind = models.CharField(_("loại thay đổi"), max_length=20, choices=Kind.choices)
    effective_on = models.DateField(_("ngày hiệu lực"))
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, verbose_name=_("quyết định"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True)
    summary = models.JSONField(_("tóm tắt"), default=list)
    # The units that took over the units this change ended (a merge's target, a split's parts).
    successors = models.ManyToManyField(
        "Unit", blank=True, related_name="succeeded", verbose_name=_("đơn vị thay thế")
    )

    class Meta:
        verbose_name = _("thay đổi tổ chức")
        verbose_name_plural = _("thay đổi tổ chức")
        ordering = ["-effective_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.effective_on:%d/%m/%Y} – {self.decision}"


class Unit(TimeStamped):
    """A union unit. Name and parent live on dated versions; this row holds what never changes."""

    code = models.CharField(_("mã đơn vị"), max_length=40, unique=True)
    unit_type = models.ForeignKey(UnitType, on_delete=models.PROTECT, verbose_name=_("loại"))
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("khu vực")
    )
    province_code = models.PositiveIntegerField(_("tỉnh, thành phố"), null=True, blank=True)
    ward_code = models.PositiveIntegerField(_("phường, xã"), null=True, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    established_on = models.DateField(_("ngày thành lập"))
    ended_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    ended_by = models.ForeignKey(
        Reorganisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ended_units",
        verbose_name=_("kết thúc theo"),
    )
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gt=models.F("established_on")),
                name="unit_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def latest_name(self) -> str:
        """The name of its latest version: a unit as a person reads it (the code is for forms).
        One query, unless a selector set `current_name` or `latest_name_` (org.selectors)."""
        known = getattr(self, "current_name", None) or getattr(self, "latest_name_", None)
        if known:
            return known
        version = self.versions.order_by("-valid_from").values_list("name", flat=True).first()
        self.latest_name_ = version or self.code
        return self.latest_name_

    def exists_on(self, day: date) -> bool:
        return self.established_on <= day and (self.ended_on is None or day < self.ended_on)


class VersionQuerySet(models.QuerySet):
    def valid_on(self, day: date) -> VersionQuerySet:
        return self.filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day), valid_from__lte=day)

    def open(self) -> VersionQuerySet:
        return self.filter(valid_to__isnull=True)

    def under(self, path: str) -> VersionQuerySet:
        """Versions whose unit sits below the unit whose path is given (itself excluded)."""
        return self.filter(path__startswith=path).exclude(path=path)

    def bulk_create(self, objs, *args, **kwargs):
        """Every way of writing versions gives each its sort key (see UnitVersion.save)."""
        objs = list(objs)
        for version in objs:
            version.sort_key = vi_sort_key(version.name)
        return super().bulk_create(objs, *args, **kwargs)


class UnitVersion(models.Model):
    """What a unit was called and where it stood, from valid_from up to (not including) valid_to."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="versions")
    parent = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="child_versions"
    )
    name = models.CharField(_("tên đầy đủ"), max_length=300)
    short_name = models.CharField(_("tên viết tắt"), max_length=120, blank=True)
    # Vietnamese dictionary order of the name ("Đ" after "D", "Ứ" after "U"): order units by it.
    sort_key = models.CharField(max_length=700, editable=False, default="")
    path = models.CharField(max_length=255, db_index=True)
    depth = models.PositiveSmallIntegerField()
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến trước"), null=True, blank=True)
    change = models.ForeignKey(Reorganisation, on_delete=models.PROTECT, null=True, blank=True)

    objects = VersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("phiên bản đơn vị")
        verbose_name_plural = _("phiên bản đơn vị")
        ordering = ["unit_id", "valid_from"]
        indexes = [models.Index(fields=["unit", "valid_from"]), models.Index(fields=["parent"])]
        constraints = [
            models.UniqueConstraint(
                fields=["unit"],
                condition=Q(valid_to__isnull=True),
                name="one_open_version_per_unit",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gt=models.F("valid_from")),
                name="version_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.sort_key = vi_sort_key(self.name)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "sort_key"}
        super().save(*args, **kwargs)

    @property
    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/")[:-1]]


class Term(TimeStamped):
    """A term (nhiệm kỳ) of a unit, opened by its congress."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="terms")
    name = models.CharField(_("nhiệm kỳ"), max_length=40)
    starts_on = models.DateField(_("bắt đầu"))
    ends_on = models.DateField(_("kết thúc"), null=True, blank=True)
    congress_on = models.DateField(_("ngày đại hội"), null=True, blank=True)

    class Meta:
        verbose_name = _("nhiệm kỳ")
        verbose_name_plural = _("nhiệm kỳ")
        ordering = ["-starts_on"]

    def __str__(self) -> str:
        return self.name
