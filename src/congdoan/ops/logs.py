"""Structured logs for production: one JSON object a line, each carrying the request's id and
user, and one line per request with its status and duration."""

from __future__ import annotations

import contextvars
import json
import logging
import time
import uuid

request_id = contextvars.ContextVar("request_id", default="")
request_user = contextvars.ContextVar("request_user", default="")
requests_log = logging.getLogger("congdoan.requests")

STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message",
    "asctime",
    "request_id",
    "user",
}


def install_record_factory() -> None:
    """Every log record, whoever writes it, carries the request's id and user of the moment
    it was made (formatting may happen later, in another handler)."""
    make = logging.getLogRecordFactory()
    if getattr(make, "congdoan", False):
        return

    def record(*args, **kwargs) -> logging.LogRecord:
        made = make(*args, **kwargs)
        made.request_id, made.user = request_id.get(), request_user.get()
        return made

    record.congdoan = True
    logging.setLogRecordFactory(record)


class JsonFormatter(logging.Formatter):
    """time, level, logger, message, request_id, user, any extra fields, and the traceback."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", ""),
            "user": getattr(record, "user", ""),
        }
        entry.update({key: value for key, value in vars(record).items() if key not in STANDARD})
        entry.pop("request", None)  # Django's error records carry the request object
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def _client_id(value: str) -> str:
    """A request id the proxy sent, when it is a plain token; otherwise a new one."""
    value = value.strip()[:64]
    return value if value and value.replace("-", "").isalnum() else uuid.uuid4().hex


class RequestLogMiddleware:
    """Gives each request an id (X-Request-ID, sent back), and logs one line when it ends."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        token = request_id.set(_client_id(request.headers.get("X-Request-ID", "")))
        user_token = request_user.set("")
        try:
            response = self.get_response(request)
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                request_user.set(user.get_username())
            response["X-Request-ID"] = request_id.get()
            requests_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
            return response
        finally:
            request_id.reset(token)
            request_user.reset(user_token)
