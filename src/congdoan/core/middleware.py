"""Headers every response of a signed-in user carries; requests no person can type refused."""

from __future__ import annotations

from django.core.exceptions import SuspiciousOperation
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

URLENCODED = "application/x-www-form-urlencoded"


class NoStoreForSignedInMiddleware:
    """Pages seen by a signed-in user hold personal data: no browser or proxy keeps a copy
    (`Cache-Control: no-store, private`), whatever the view set. Anonymous pages (sign-in, the
    public certificate check) are left as they are."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response


def _has_nul(data) -> bool:
    return any("\x00" in key or any("\x00" in v for v in values) for key, values in data.lists())


class RefuseNulMiddleware:
    """A NUL character in a query string or a posted field is never typed by a person, and
    PostgreSQL refuses it in text: such a request is answered 400 (the site's page) before any
    view reads it. Forms refuse NUL on their own; this covers what views read by hand. Uploads
    (multipart bodies) are left to their forms. Under /api/ the answer is problem+json, as every
    refusal of the API."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        posted = request.method == "POST" and request.content_type == URLENCODED
        if _has_nul(request.GET) or (posted and _has_nul(request.POST)):
            if request.path_info.startswith("/api/"):  # the API answers in its own way
                return _api_refusal()
            raise SuspiciousOperation("NUL character in the request's parameters")
        return self.get_response(request)


def _api_refusal() -> JsonResponse:
    body = {
        "type": "about:blank",
        "title": _("Dữ liệu không hợp lệ"),
        "status": 400,
        "detail": _("Tham số chứa ký tự NUL (\\x00): không nhận."),
    }
    return JsonResponse(body, status=400, content_type="application/problem+json")


class ChosenLanguageMiddleware:
    """Pages are Vietnamese unless the user picked English in the header (the language cookie
    the picker sets). The browser's Accept-Language is not followed: a phone set to English is
    as likely to belong to a Vietnamese member or official, who expects the union's language.
    Placed before LocaleMiddleware, which then sees only the cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
