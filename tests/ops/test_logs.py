"""Production logs: one JSON object a line with the request's id, user and duration, and the
traceback of an unhandled error carrying the same request id."""

import json
import logging

from django.test import RequestFactory

from congdoan.ops.logs import JsonFormatter, RequestLogMiddleware


def _lines(records) -> list[dict]:
    formatter = JsonFormatter()
    return [json.loads(formatter.format(record)) for record in records]


def test_each_request_is_one_json_line_with_its_id_user_and_duration(caplog, world):
    request = RequestFactory().get("/units/", HTTP_X_REQUEST_ID="abc-123")
    request.user = world.bob

    def view(request):
        from django.http import HttpResponse

        logging.getLogger("congdoan").warning("inside the view")
        return HttpResponse(status=204)

    requests = logging.getLogger("congdoan.requests")  # does not propagate: listen to it
    requests.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.INFO, logger="congdoan.requests"):
            response = RequestLogMiddleware(view)(request)
    finally:
        requests.removeHandler(caplog.handler)
    assert response["X-Request-ID"] == "abc-123"
    inside, done = _lines(caplog.records)
    assert inside["request_id"] == "abc-123" and inside["message"] == "inside the view"
    assert done["logger"] == "congdoan.requests" and done["status"] == 204
    assert done["user"] == "bob" and done["path"] == "/units/" and done["duration_ms"] >= 0


def test_a_request_id_that_is_not_a_plain_token_is_replaced(caplog):
    request = RequestFactory().get("/", HTTP_X_REQUEST_ID='x" injected\nline')
    request.user = None
    from django.http import HttpResponse

    response = RequestLogMiddleware(lambda r: HttpResponse())(request)
    assert len(response["X-Request-ID"]) == 32 and response["X-Request-ID"].isalnum()


def test_a_traceback_goes_into_the_json_line():
    try:
        raise ValueError("hỏng")
    except ValueError:
        record = logging.LogRecord("django.request", logging.ERROR, "", 0, "lỗi", (), None)
        import sys

        record.exc_info = sys.exc_info()
    (line,) = _lines([record])
    assert "ValueError: hỏng" in line["traceback"] and line["message"] == "lỗi"
