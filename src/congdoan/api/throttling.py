"""Rate limits: per token (CONGDOAN_API_RATE, default 600 requests a minute) and, for the
public certificate check, per address (CONGDOAN_API_ANON_RATE, default 60 a minute)."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from congdoan.accounts.throttle import client_address
from congdoan.api.models import ApiToken


class TokenRateThrottle(SimpleRateThrottle):
    scope = "token"

    def get_rate(self) -> str:
        return getattr(settings, "CONGDOAN_API_RATE", "600/minute")

    def get_cache_key(self, request, view) -> str | None:
        token = request.auth
        if isinstance(token, ApiToken):
            return f"api-throttle-token-{token.key_hash[:32]}"
        return f"api-throttle-address-{client_address(request)}"


class AddressRateThrottle(SimpleRateThrottle):
    scope = "address"

    def get_rate(self) -> str:
        return getattr(settings, "CONGDOAN_API_ANON_RATE", "60/minute")

    def get_cache_key(self, request, view) -> str:
        return f"api-throttle-public-{client_address(request)}"
