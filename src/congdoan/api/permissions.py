"""Who may call an endpoint: a signed request (a token), and for writes a token that is not
read-only. What the user may see and change is the services' and the scope's to say."""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS, BasePermission

from congdoan.api.models import ApiToken

READ_ONLY = _("Mã truy cập này chỉ đọc: không gửi được yêu cầu thay đổi dữ liệu.")


class TokenUser(BasePermission):
    message = _("Cần gửi mã truy cập (Authorization: Bearer …).")

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        token = request.auth
        if request.method not in SAFE_METHODS and (
            not isinstance(token, ApiToken) or token.read_only
        ):
            raise PermissionDenied(READ_ONLY)
        return True
