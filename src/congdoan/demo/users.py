"""One demo login per role, each on a unit of the demo federation."""

from congdoan.accounts.models import Role, RoleKind, User
from congdoan.accounts.security import SECOND_FACTOR_ROLES
from congdoan.org.models import Unit

DEMO_PASSWORD = "congdoan2025"  # noqa: S105 - demo accounts only, printed by `congdoan demo`

DEMO_USERS = [
    # username, role, unit code, full name
    ("quantri", RoleKind.ADMIN, None, "Quản trị hệ thống"),
    ("thanhpho", RoleKind.FEDERATION, "LDLD-HN", "Cán bộ LĐLĐ thành phố"),
    ("kimlien", RoleKind.UPPER, "CD-PHUONG-KIM-LIEN", "Cán bộ Công đoàn phường Kim Liên"),
    ("asti", RoleKind.GRASSROOTS, "CDCS-ASTI", "Cán bộ CĐCS ASTI"),
    ("hoidong", RoleKind.COUNCIL, "LDLD-HN", "Thành viên Hội đồng TĐKT"),
    ("lanhdao", RoleKind.VIEWER, "LDLD-HN", "Lãnh đạo LĐLĐ thành phố"),
]


def ensure_demo_users() -> list[tuple[str, str]]:
    rows = []
    for username, kind, unit_code, full_name in DEMO_USERS:
        user, created = User.objects.get_or_create(username=username)
        if created:
            user.first_name = full_name
            user.is_staff = user.is_superuser = kind == RoleKind.ADMIN
            user.set_password(DEMO_PASSWORD)
            user.save()
        unit = Unit.objects.get(code=unit_code) if unit_code else None
        Role.objects.get_or_create(user=user, kind=kind, unit=unit)
        rows.append((username, str(kind.label)))
    return rows


def second_factor_logins() -> list[str]:
    """The demo logins that must enrol a second factor (CONGDOAN_REQUIRE_2FA): the demo enrols
    no device, so each is asked to at its first sign-in."""
    return [username for username, kind, _unit, _name in DEMO_USERS if kind in SECOND_FACTOR_ROLES]


def demo_admin() -> User:
    user, created = User.objects.get_or_create(
        username="quantri", defaults={"is_staff": True, "is_superuser": True}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user
