"""WSGI entry point for production servers (gunicorn congdoan.wsgi)."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from congdoan.core.loaded import freeze_loaded

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings")
application = get_wsgi_application()
# A server does not start without a key: with DEBUG off and SECRET_KEY unset the key is empty,
# and reading it raises ImproperlyConfigured here rather than at the first request.
settings.SECRET_KEY  # noqa: B018
freeze_loaded()  # what the server loaded once stays out of the collector's full passes
