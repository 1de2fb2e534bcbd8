"""`Authorization: Bearer <token>`: the request acts as the token's user; refused when the token
is unknown, expired or revoked (all three answer the same, with no hint of which)."""

from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from congdoan.api.tokens import find_token, record_use

REFUSED = _("Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi.")
MALFORMED = _("Tiêu đề Authorization phải có dạng “Bearer <mã truy cập>”.")


class BearerTokenAuthentication(BaseAuthentication):
    keyword = "bearer"

    def authenticate(self, request):
        words = get_authorization_header(request).split()
        if not words or words[0].lower() != self.keyword.encode():
            return None
        if len(words) != 2:
            raise AuthenticationFailed(MALFORMED)
        try:
            secret = words[1].decode("ascii")
        except UnicodeDecodeError:
            raise AuthenticationFailed(MALFORMED) from None
        token = find_token(secret)
        if token is None:
            raise AuthenticationFailed(REFUSED)
        record_use(token)
        return token.user, token

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="api"'
