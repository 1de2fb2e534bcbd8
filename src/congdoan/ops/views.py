"""GET /healthz: JSON for a load balancer or a monitor; 503 when anything is wrong."""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from congdoan.ops.health import health


@never_cache
@require_GET
def healthz(request):
    ok, report = health()
    return JsonResponse({"status": "ok" if ok else "fail", **report}, status=200 if ok else 503)
