"""Settings shared by every environment; values come from environment variables."""

from pathlib import Path
from typing import Any

import csp.constants
import environ
from django.utils.translation import gettext_lazy as _

from coopnet.core.observability import (
    REQUEST_ID_HEADER,
    init_error_reporting,
    logging_config,
    parse_admins,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_guid",
    "django.forms",
    "django.contrib.sites",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "simple_history",
    "django_htmx",
    "rules",
    "django_tasks",
    "django_tasks_db",
    "django_prose_editor",
    "coopnet.core",
    "coopnet.accounts",
    "coopnet.members",
    "coopnet.finance",
    "coopnet.finance.budgets",
    "coopnet.governance",
    "coopnet.governance.elections",
    "coopnet.funding",
    "coopnet.knowledge",
    "coopnet.events",
    "coopnet.procurement",
    "coopnet.engagement",
    "coopnet.learning",
    "coopnet.strategy",
    "coopnet.reports",
    "coopnet.api",
    "coopnet.demo",
    "coopnet.site",
]

MIDDLEWARE = [
    "django_guid.middleware.guid_middleware",
    "coopnet.core.middleware.PrivateByDefaultMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "coopnet.accounts.middleware.IdleSessionMiddleware",
    "coopnet.accounts.middleware.StaffTwoStepMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "coopnet.core.middleware.ActorMiddleware",
    "coopnet.core.middleware.DomainErrorMiddleware",
]

# Content-Security-Policy: scripts, styles, fonts and images from this site only; no inline script
# or style anywhere (GOV.UK's js-enabled snippet is a file, htmx is told not to add a <style>).
# data: images are GOV.UK Frontend's inline SVG icons in its CSS.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.constants.SELF],
        "script-src": [csp.constants.SELF],
        "style-src": [csp.constants.SELF],
        "img-src": [csp.constants.SELF, "data:"],
        "font-src": [csp.constants.SELF],
        "connect-src": [csp.constants.SELF],
        "object-src": [csp.constants.NONE],
        "base-uri": [csp.constants.SELF],
        "form-action": [csp.constants.SELF],
        "frame-ancestors": [csp.constants.NONE],
    }
}
# Permissions-Policy: no page uses the camera, microphone, location, payment or sensors. Passkeys
# (two-step verification) keep their default of this site only.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "screen-wake-lock",
        "xr-spatial-tracking",
    )
}

# Two caches. "default" is shared by every app server and task worker: sign-in throttling and
# anything that must agree across processes lives there (the database by default, Redis when
# REDIS_URL is set). "local" is each process's memory, for what is keyed by a content version and
# so can never be stale: remembered public pages, statistics, search results.
REDIS_URL = env("REDIS_URL", default="")
CACHES = {
    "default": (
        {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "coopnet_cache",
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    ),
    "local": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "coopnet-local",
        "OPTIONS": {"MAX_ENTRIES": 5_000},
    },
}

ROOT_URLCONF = "config.urls"
FORM_RENDERER = "coopnet.core.forms.GovukFormRenderer"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "coopnet" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "coopnet.core.context_processors.network",
                "coopnet.site.context_processors.operations",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the task worker share one SQLite file.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
# Persistent connections on both engines: opening a SQLite connection costs about 3 ms a request
# (issue 18's measurements), a PostgreSQL one more; health checks drop a broken one first.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # ASVS L2: at least 12 characters, and not one of the 20,000 most common passwords.
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env.int("PASSWORD_MIN_LENGTH", default=12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

SITE_ID = 1
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "site:dashboard"
LOGOUT_REDIRECT_URL = "site:home"

# django-allauth: email is the login; staff invite people; TOTP for staff.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="optional")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = env("EMAIL_SUBJECT_PREFIX", default="[coopnet] ")
ACCOUNT_ADAPTER = "coopnet.accounts.adapter.AccountAdapter"
# A browser that has signed in to an account before counts its own failed passwords under the
# same policy as the account's (allauth: 10 a minute per address, 5 in 5 minutes per account),
# so other people's failures never lock it out (coopnet/accounts/known_devices.py).
ACCOUNT_RATE_LIMITS = {"login_failed_known_device": "10/m/ip,5/300s/key"}
KNOWN_DEVICE_DAYS = env.int("KNOWN_DEVICE_DAYS", default=90)
# Open sign-up ends on an account that can do nothing: accounts come by invitation and by
# joining. Set ACCOUNT_ALLOW_SIGNUP=true to let anyone create an account.
ACCOUNT_ALLOW_SIGNUP = env.bool("ACCOUNT_ALLOW_SIGNUP", default=False)
# Staff and board members must turn on TOTP before any page opens (on by default in production).
REQUIRE_STAFF_TWO_STEP = env.bool("REQUIRE_STAFF_TWO_STEP", default=False)
# A signed-in session idle longer than this is ended (coopnet.accounts.middleware).
SESSION_IDLE_SECONDS_STAFF = env.int("SESSION_IDLE_SECONDS_STAFF", default=2 * 3600)
SESSION_IDLE_SECONDS = env.int("SESSION_IDLE_SECONDS", default=24 * 3600)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("NETWORK_SHORT_NAME", default="CCIN")

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", _("English")), ("cy", _("Welsh"))]
# The project catalogue first, then each app's own: listed here so that our Welsh wins over a
# third-party app's (Django's admin translates "Filter" as a noun; our buttons need the verb).
LOCALE_PATHS = [
    BASE_DIR / "coopnet" / "locale",
    *sorted(path.parent for path in (BASE_DIR / "coopnet").glob("*/**/locale/cy")),
]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "frontend" / "build"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES: dict[str, dict[str, Any]] = {
    # Every stored file is named by its content's type (coopnet.core.storage).
    "default": {"BACKEND": "coopnet.core.storage.ContentNamedFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads in an S3-compatible bucket (AWS, MinIO, Ceph, Scaleway...) when a bucket is named; the
# files stay private and are sent by coopnet.core.files after its permission check.
if env("AWS_STORAGE_BUCKET_NAME", default=""):
    STORAGES["default"] = {
        "BACKEND": "coopnet.core.storage.ContentNamedS3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "access_key": env("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default=None),
            "location": env("AWS_LOCATION", default=""),
            "addressing_style": env("AWS_S3_ADDRESSING_STYLE", default=None),
            # Two uploads with the same name get two keys, as on disk, never one over the other.
            "file_overwrite": False,
            # No ACL header: the bucket's own policy (private) applies, as buckets with object
            # ownership enforced refuse requests that send one.
            "default_acl": None,
            "querystring_auth": True,
        },
    }

# Uploaded files are sent by coopnet.core.files after its permission check; behind nginx or Apache
# the web server can send the bytes (docs/deployment.md#uploaded-files).
FILES_X_ACCEL_REDIRECT = env("FILES_X_ACCEL_REDIRECT", default="")
FILES_X_SENDFILE = env.bool("FILES_X_SENDFILE", default=False)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=5 * 1024 * 1024)

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="coopnet <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "coopnet.core.api.schema.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "coopnet.accounts.api_tokens.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "coopnet.core.api.throttling.AnonymousThrottle",
        "coopnet.core.api.throttling.AccountThrottle",
    ],
    # DRF views are exempt from LoginRequiredMiddleware, so the default is read-only public data;
    # a view that needs more says so itself.
    "DEFAULT_PERMISSION_CLASSES": ["coopnet.core.api.permissions.PublicReadOnly"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "coopnet.core.api.pagination.ApiPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "coopnet.core.api_errors.exception_handler",
}
# How many reverse proxies (nginx, a load balancer) stand in front of gunicorn: each adds the
# address it received from to X-Forwarded-For. The sign-in limits and the API's per-address
# limit count the client's address from there; 0 (the default) trusts no such header.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
REST_FRAMEWORK["NUM_PROXIES"] = TRUSTED_PROXY_COUNT or None
# Calls per caller (coopnet/core/api/throttling.py): anonymous per address, else per account.
API_THROTTLE_RATES = {
    "anon": env("API_RATE_ANON", default="120/min"),
    "user": env("API_RATE_USER", default="600/min"),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "coopnet API",
    "DESCRIPTION": "Open data and integrations for the co-operative councils' network.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "coopnet.core.api.schema.document_errors",
    ],
}

# The network this installation runs (shown in the header, emails and documents).
NETWORK_NAME = env("NETWORK_NAME", default="Co-operative Councils' Innovation Network")
NETWORK_SHORT_NAME = env("NETWORK_SHORT_NAME", default="CCIN")
# Where people ask for another format or report a problem (the accessibility statement).
NETWORK_CONTACT_EMAIL = env("NETWORK_CONTACT_EMAIL", default="comms@councils.coop")

# Logs: JSON lines on standard error, each naming its request's id (X-Request-ID); errors mailed
# to ADMINS and, when SENTRY_DSN is set, sent to Sentry without personal data. See
# coopnet/core/observability.py and docs/operations.md.
LOG_FORMAT = env("LOG_FORMAT", default="json")
LOGGING = logging_config(LOG_FORMAT, env("LOG_LEVEL", default="INFO"))
DJANGO_GUID = {
    "GUID_HEADER_NAME": REQUEST_ID_HEADER,
    "VALIDATE_GUID": True,
    "RETURN_HEADER": True,
    "EXPOSE_HEADER": False,
}
ADMINS = parse_admins(env("ADMINS", default=""))
SENTRY_ENABLED = init_error_reporting(
    env("SENTRY_DSN", default=""),
    environment=env("SENTRY_ENVIRONMENT", default="production"),
    release=env("SENTRY_RELEASE", default=None),
    traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
)
