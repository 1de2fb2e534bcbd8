"""Headers every response of a signed-in user carries."""

from __future__ import annotations

from django.utils.cache import add_never_cache_headers


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
