"""The page of an unhandled error (500), in the site's layout."""

from __future__ import annotations

import logging

from django.http import HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

log = logging.getLogger("congdoan.errors")


@requires_csrf_token
def server_error(request, template_name: str = "500.html"):
    """500.html with the signed-in user's menu when the request can still be read; when even
    that fails (the database is down, the session unreadable), the same page without a request."""
    template = loader.get_template(template_name)
    try:
        body = template.render({}, request)
    except Exception:
        log.exception("500.html could not be rendered with the request; rendered without it")
        body = template.render({})
    return HttpResponseServerError(body)
