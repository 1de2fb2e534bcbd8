"""Sign-in throttling on top of django-axes: per user name and address, and per address.

Axes counts failures for each group of AXES_LOCKOUT_PARAMETERS and compares the largest count
with one AXES_FAILURE_LIMIT. An address shared by a whole office (one NAT) needs a larger
allowance than one user name, so each group's count is scaled to the common limit:
`[["username", "ip_address"], "ip_address"]` with AXES_FAILURE_LIMIT = 5 and
CONGDOAN_ADDRESS_FAILURE_LIMIT = 20 locks one user name on one address after 5 failures and the
whole address (every user name) after 20.

A successful sign-in clears the failures of that user name on that address only: a valid
account must not wipe the address's count of guesses at other accounts.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit, get_lockout_parameters
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def _group_limit(parameter, base_limit: int) -> int:
    group = (parameter,) if isinstance(parameter, str) else tuple(parameter)
    if group == ("ip_address",):
        return settings.CONGDOAN_ADDRESS_FAILURE_LIMIT
    return base_limit


class AddressAwareHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        base_limit = get_failure_limit(request, credentials)
        parameters = get_lockout_parameters(request, credentials)
        attempts_list = self.get_user_attempts(request, credentials)
        scaled = [0]
        for parameter, attempts in zip(parameters, attempts_list, strict=True):
            count = attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            scaled.append(count * base_limit // _group_limit(parameter, base_limit))
        return max(scaled)

    def reset_user_attempts(self, request, credentials=None) -> int:
        username = get_client_username(request, credentials)
        deleted, _ = AccessAttempt.objects.filter(
            username=username, ip_address=request.axes_ip_address
        ).delete()
        return deleted


def client_address(request) -> str | None:
    """The client's address: REMOTE_ADDR, or behind CONGDOAN_PROXY_COUNT trusted reverse
    proxies the address the outermost of them saw (counted from the right of
    X-Forwarded-For, so a client cannot choose it)."""
    count = settings.CONGDOAN_PROXY_COUNT
    if count > 0:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
