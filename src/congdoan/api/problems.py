"""Every refusal as `application/problem+json` (RFC 9457): `type`, `title`, `status`, a
Vietnamese `detail` (English with Accept-Language: en) and, for bad input, `errors` by field.
Refusals of the services (Django's ValidationError and PermissionDenied, the import's
ImportRefused) come out the same way as the framework's own."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import APIView
from rest_framework.views import exception_handler as framework_handler

from congdoan.imports.reading import ImportRefused

PROBLEM = "application/problem+json"

TITLES = {
    400: _("Dữ liệu không hợp lệ"),
    401: _("Chưa xác thực"),
    403: _("Không có quyền"),
    404: _("Không tìm thấy"),
    405: _("Phương thức không được hỗ trợ"),
    406: _("Không trả được kiểu nội dung yêu cầu"),
    409: _("Yêu cầu đang được xử lý"),
    415: _("Kiểu nội dung không được hỗ trợ"),
    422: _("Idempotency-Key đã dùng cho một yêu cầu khác"),
    429: _("Quá nhiều yêu cầu"),
}
# The framework's own refusals, said in Vietnamese.
DETAILS = {
    exceptions.NotFound: _("Không tìm thấy."),
    exceptions.NotAuthenticated: _("Cần gửi mã truy cập (Authorization: Bearer …)."),
    exceptions.ParseError: _("Nội dung gửi lên không đọc được (JSON hoặc multipart không hợp lệ)."),
    exceptions.MethodNotAllowed: _("Địa chỉ này không nhận phương thức %(method)s."),
    exceptions.NotAcceptable: _("Chỉ trả về JSON (application/json)."),
    exceptions.UnsupportedMediaType: _("Kiểu nội dung “%(type)s” không được nhận."),
    exceptions.Throttled: _("Quá nhiều yêu cầu; thử lại sau %(wait)s giây."),
}


class Conflict(exceptions.APIException):
    status_code = 409
    default_code = "conflict"


class KeyReused(exceptions.APIException):
    status_code = 422
    default_code = "idempotency_key_reused"


def _flatten(errors, prefix: str = "") -> dict[str, list[str]]:
    """{field: [messages]}; nested objects and lists of objects as dotted names."""
    if isinstance(errors, dict):
        flat: dict[str, list[str]] = {}
        for name, value in errors.items():
            key = f"{prefix}.{name}" if prefix else str(name)
            key = key if key != "non_field_errors" else (prefix or "body")
            flat.update(_flatten(value, key))
        return flat
    if isinstance(errors, list) and any(isinstance(e, dict | list) for e in errors):
        flat = {}
        for index, value in enumerate(errors):
            flat.update(_flatten(value, f"{prefix}.{index}" if prefix else str(index)))
        return flat
    items = errors if isinstance(errors, list) else [errors]
    return {prefix or "body": [str(item) for item in items]}


def _translate(exc: Exception) -> Exception:
    """The services' refusals as the framework's."""
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, ImportRefused):
        return exceptions.ValidationError({"file": [exc.message]})
    if isinstance(exc, DjangoPermissionDenied) and exc.args:
        return exceptions.PermissionDenied(str(exc))
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    return exc


def _detail(exc: exceptions.APIException, request) -> str:
    """The framework's refusals in the words of DETAILS; the services' and ours as they are."""
    template = next((text for kind, text in DETAILS.items() if isinstance(exc, kind)), None)
    if template is None:
        return str(exc.detail)
    wait = getattr(exc, "wait", None)
    return str(template) % {
        "method": getattr(request, "method", ""),
        "type": getattr(request, "content_type", ""),
        "wait": int(wait + 0.999) if wait else 1,
    }


def problem(status: int, detail: str, *, errors: dict | None = None, headers=None) -> Response:
    body = {"type": "about:blank", "title": str(TITLES.get(status, "")), "status": status}
    body["detail"] = detail
    if errors:
        body["errors"] = errors
    return Response(body, status=status, headers=headers, content_type=PROBLEM)


def exception_handler(exc: Exception, context: dict) -> Response | None:
    exc = _translate(exc)
    response = framework_handler(exc, context)
    if response is None:
        return None  # a 500: Django's own handler logs it and answers
    request = context.get("request")
    errors = None
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(response.data)
        detail = " ".join(dict.fromkeys(m for messages in errors.values() for m in messages))
    else:  # a 404 says the same words whether the object is missing or out of scope
        detail = _detail(exc, request)
    headers = {k: v for k, v in response.items() if k in ("WWW-Authenticate", "Retry-After")}
    return problem(response.status_code, detail, errors=errors, headers=headers)


class NotFoundView(APIView):
    """Every method of an address under /api/ that names no endpoint: 404, as a missing object."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    schema = None  # not an endpoint

    def http_method_not_allowed(self, request, *args, **kwargs):
        raise exceptions.NotFound()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise exceptions.NotFound()
