"""What the `import` and `export` commands share: the unit by code and the acting user."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from congdoan.org.models import Unit


def unit_by_code(code: str) -> Unit:
    unit = Unit.objects.filter(code=code.strip().upper()).select_related("unit_type").first()
    if unit is None:
        raise CommandError(f"Không có đơn vị mã {code}.")
    return unit


def acting_user(username: str | None):
    """The named user, or the first active system administrator."""
    users = get_user_model().objects.filter(is_active=True)
    user = users.filter(username=username).first() if username else None
    if username and user is None:
        raise CommandError(f"Không có người dùng {username}.")
    user = user or users.filter(is_superuser=True).order_by("pk").first()
    if user is None:
        raise CommandError("Chưa có quản trị hệ thống; dùng --as TÊN_ĐĂNG_NHẬP.")
    return user
