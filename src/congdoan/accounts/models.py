"""Users and the roles they hold on units."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congdoan.core.models import TimeStamped


class User(AbstractUser):
    # Set when someone else chose the password (an administrator's reset, a new account): the
    # user changes it before opening any other page (accounts.middleware.AccountGuardMiddleware).
    must_change_password = models.BooleanField(_("phải đổi mật khẩu"), default=False)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")


class RoleKind(models.TextChoices):
    ADMIN = "admin", _("Quản trị hệ thống")
    FEDERATION = "federation", _("Cán bộ LĐLĐ tỉnh, thành phố")
    UPPER = "upper", _("Cán bộ công đoàn cấp trên trực tiếp cơ sở")
    GRASSROOTS = "grassroots", _("Cán bộ công đoàn cơ sở")
    COUNCIL = "council", _("Thành viên hội đồng thi đua – khen thưởng")
    VIEWER = "viewer", _("Lãnh đạo (chỉ xem)")


class Role(TimeStamped):
    """A role on a unit: it opens that unit's subtree to the user (administrators: everything)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    kind = models.CharField(_("vai trò"), max_length=20, choices=RoleKind.choices)
    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="roles",
        verbose_name=_("đơn vị"),
    )

    class Meta:
        verbose_name = _("vai trò")
        verbose_name_plural = _("vai trò")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "unit"], name="role_once_per_unit"),
            models.CheckConstraint(
                condition=Q(kind="admin") | Q(unit__isnull=False), name="role_has_unit_unless_admin"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_kind_display()} – {self.unit or _('toàn hệ thống')}"
