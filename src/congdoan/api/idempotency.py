"""`Idempotency-Key` on every POST: the first request with a key does the work and its answer
is kept (with the user, the path and a digest of the body); the same key again answers the
same, marked `Idempotency-Replayed: true`, and does nothing. The key with another body or path
is refused (422). The record and the work commit together, so a request that failed keeps no
record and may be sent again."""

from __future__ import annotations

import hashlib
import json
from functools import wraps

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from congdoan.api.models import IdempotentRequest
from congdoan.api.problems import Conflict, KeyReused

HEADER = "Idempotency-Key"
MAX_KEY = 200
BAD_KEY = _("Idempotency-Key gồm 1–200 ký tự ASCII in được.")
REUSED = _("Idempotency-Key này đã dùng cho một yêu cầu khác (địa chỉ hoặc nội dung khác).")
RUNNING = _("Yêu cầu với Idempotency-Key này đang được xử lý; thử lại sau.")


def _key(request) -> str | None:
    key = request.headers.get(HEADER)
    if key is None:
        return None
    if not (1 <= len(key) <= MAX_KEY and key.isascii() and key.isprintable()):
        raise ValidationError({HEADER: [BAD_KEY]})
    return key


def _digest(request) -> str:
    """The method, path and body: a JSON body as sent; a multipart one by its fields and the
    digest of each file (it may be larger than Django lets `body` hold)."""
    digest = hashlib.sha256(f"{request.method} {request.path}\n".encode())
    if request.content_type.startswith("multipart/"):
        for name in sorted(request.data):
            for value in request.data.getlist(name):
                if hasattr(value, "chunks"):
                    for chunk in value.chunks():
                        digest.update(chunk)
                    value.seek(0)
                else:
                    digest.update(f"{name}={value}\n".encode("utf-8", "surrogatepass"))
    else:
        digest.update(request.body)
    return digest.hexdigest()


def _replay(record: IdempotentRequest, digest: str) -> Response:
    if record.fingerprint != digest:
        raise KeyReused(REUSED)
    if not record.status:
        raise Conflict(RUNNING)
    return Response(record.body, status=record.status, headers={"Idempotency-Replayed": "true"})


def idempotent(handler):
    """Decorate a view's `post`."""

    @wraps(handler)
    def wrapper(view, request, *args, **kwargs):
        key = _key(request)
        if key is None:
            return handler(view, request, *args, **kwargs)
        digest = _digest(request)
        with transaction.atomic():
            try:
                with transaction.atomic():
                    record = IdempotentRequest.objects.create(
                        user=request.user, key=key, fingerprint=digest
                    )
            except IntegrityError:
                record = IdempotentRequest.objects.get(user=request.user, key=key)
                return _replay(record, digest)
            response = handler(view, request, *args, **kwargs)
            if 200 <= response.status_code < 300:
                record.status = response.status_code
                record.body = json.loads(JSONRenderer().render(response.data))
                record.save(update_fields=["status", "body"])
            else:
                record.delete()
            return response

    return wrapper


IDEMPOTENCY_PARAMETER_DESCRIPTION = _(
    "Khóa do máy khách đặt (1–200 ký tự ASCII) để gửi lại an toàn: cùng khóa lần thứ hai trả "
    "lại đúng kết quả lần đầu và không làm gì thêm / a client-chosen key (1–200 ASCII "
    "characters) for safe retries: the same key again answers as the first time and does "
    "nothing more."
)
