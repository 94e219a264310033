"""Touchpoint settings: every deploy-time value comes from an environment variable.

The variables are listed in README.md and .env.example. With nothing set you get
a development site on SQLite; ``DJANGO_DEBUG=0`` plus ``DJANGO_SECURE_SSL=1`` is
production mode behind an HTTPS proxy (``manage.py check --deploy`` is clean).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_float(name: str, default: float) -> float:
    return float(os.environ.get(name) or default)


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Touchpoint
    "courses",
    "lessons",
    "quizzes",
    "progress",
    "api",
    "learn",
    "xapi",
    "lms",
    "insights",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    # Background tasks (xAPI delivery)
    "django_tasks",
    "django_tasks_db",
    # API
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lms.middleware.LaunchScopeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "touchpoint.urls"
WSGI_APPLICATION = "touchpoint.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite file unless DATABASE_URL is set (PostgreSQL via psycopg 3).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes (web + xAPI worker) share the file: wait for locks, use WAL.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE",
         "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by all processes: throttling works
# across gunicorn workers), otherwise per-process memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": REDIS_URL, "KEY_PREFIX": "touchpoint"}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in: the model backend with a failed-attempt lockout (touchpoint/lockout.py), counted
# in the cache per username and per client address; it covers the sign-in page, the
# Wagtail admin's sign-in and the API token endpoint.
AUTHENTICATION_BACKENDS = ["touchpoint.lockout.LockoutModelBackend"]
TOUCHPOINT_LOGIN_MAX_FAILURES = env_int("TOUCHPOINT_LOGIN_MAX_FAILURES", 5)
TOUCHPOINT_LOGIN_MAX_FAILURES_PER_IP = env_int("TOUCHPOINT_LOGIN_MAX_FAILURES_PER_IP", 50)
TOUCHPOINT_LOGIN_LOCKOUT_SECONDS = env_int("TOUCHPOINT_LOGIN_LOCKOUT_SECONDS", 900)
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Static and media files. whitenoise serves static files; manifest storage
# (hashed, compressed) whenever DEBUG is off.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Wagtail
WAGTAIL_SITE_NAME = "Touchpoint"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "pptx", "xlsx", "txt"]

# Background tasks: django-tasks' database backend; `manage.py db_worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# REST API
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # JSON only, with a body size limit (413) and a nesting limit (400): api/parsers.py.
    "DEFAULT_PARSER_CLASSES": ["api.parsers.GuardedJSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    # Client address for throttles and the sign-in lockout: 0 = the socket's peer
    # (REMOTE_ADDR); behind N trusted proxies the Nth address from the right of
    # X-Forwarded-For. (DRF's default, None, trusts whatever X-Forwarded-For says.)
    "NUM_PROXIES": env_int("TOUCHPOINT_NUM_PROXIES", 0),
    "DEFAULT_THROTTLE_RATES": {
        "submit": os.environ.get("TOUCHPOINT_SUBMIT_THROTTLE", "30/min"),
        "answer": os.environ.get("TOUCHPOINT_ANSWER_THROTTLE", "120/min"),
        "token": os.environ.get("TOUCHPOINT_TOKEN_THROTTLE", "10/min"),
        "position": os.environ.get("TOUCHPOINT_POSITION_THROTTLE", "120/min"),
    },
}
CSRF_FAILURE_VIEW = "api.errors.csrf_failure"  # the API's error shape under /api/
TOUCHPOINT_API_MAX_BODY_BYTES = env_int("TOUCHPOINT_API_MAX_BODY_BYTES", 262_144)
TOUCHPOINT_API_MAX_JSON_DEPTH = env_int("TOUCHPOINT_API_MAX_JSON_DEPTH", 32)
# Responses stored for Idempotency-Key replays are kept at least this long, then deleted by
# `manage.py clear_idempotency_keys` (run it daily, like `manage.py clearsessions`).
TOUCHPOINT_IDEMPOTENCY_KEY_HOURS = env_int("TOUCHPOINT_IDEMPOTENCY_KEY_HOURS", 48)
SPECTACULAR_SETTINGS = {
    "TITLE": "Touchpoint API",
    "DESCRIPTION": "Courses, lessons, quizzes, attempts and progress for learners.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Document only our API, not Wagtail's internal admin API.
    "PREPROCESSING_HOOKS": ["touchpoint.schema.only_public_api"],
    # touchpoint/converters.py: ids in API and learner paths are 1 to 18 digits.
    "PATH_CONVERTER_OVERRIDES": {"id": {"type": "integer", "minimum": 0,
                                        "maximum": 999_999_999_999_999_999}},
}

# xAPI / LRS (see xapi/ and README "xAPI")
XAPI_ENABLED = env_bool("XAPI_ENABLED", True)
XAPI_LRS_ENDPOINT = os.environ.get("XAPI_LRS_ENDPOINT", "")
XAPI_LRS_USERNAME = os.environ.get("XAPI_LRS_USERNAME", "")
XAPI_LRS_PASSWORD = os.environ.get("XAPI_LRS_PASSWORD", "")
XAPI_LRS_TIMEOUT = env_float("XAPI_LRS_TIMEOUT", 10.0)
XAPI_BATCH_SIZE = env_int("XAPI_BATCH_SIZE", 50)
XAPI_ACTIVITY_BASE = os.environ.get("XAPI_ACTIVITY_BASE", "https://touchpoint.example.com/xapi")
XAPI_ACTOR_MODE = os.environ.get("XAPI_ACTOR_MODE", "account")  # account | mbox | mbox_sha1sum
XAPI_ACCOUNT_HOMEPAGE = os.environ.get("XAPI_ACCOUNT_HOMEPAGE", "https://touchpoint.example.com")
XAPI_PLATFORM = os.environ.get("XAPI_PLATFORM", "Touchpoint")
XAPI_BACKEND = os.environ.get("XAPI_BACKEND") or "xapi.backends.tincan_lrs.TincanLRSBackend"
# 1: after every commit that records statements, enqueue a django-tasks delivery task, for a
# deployment that runs `manage.py db_worker` instead of `manage.py xapi_worker` (which polls).
XAPI_DELIVERY_TASKS = env_bool("XAPI_DELIVERY_TASKS", False)
# How long a worker holds the rows it claimed (after a crash they are re-sent then).
XAPI_CLAIM_SECONDS = env_float("XAPI_CLAIM_SECONDS", 120.0)
# Plain 500 answers for one statement before it is parked as rejected (502/503/504 don't count).
XAPI_MAX_SERVER_ERRORS = env_int("XAPI_MAX_SERVER_ERRORS", 10)
# Delivered outbox rows are deleted this many days after delivery (0: kept for ever);
# pending and rejected rows never are. xapi_worker purges every hour.
XAPI_RETENTION_DAYS = env_int("XAPI_RETENTION_DAYS", 30)

# Launching from an LMS: cmi5 and Tin Can (see lms/ and README "Launching from an LMS").
# Origins (scheme://host[:port]) of the LMSs whose launches are accepted; the server sends
# requests (fetch URL, State API, statements) to these origins only. Empty: no launch works.
CMI5_ALLOWED_LMS_ORIGINS = env_list("CMI5_ALLOWED_LMS_ORIGINS")
# This deployment's public address, written into exported packages as the lessons' launch URLs.
CMI5_LAUNCH_BASE_URL = os.environ.get("CMI5_LAUNCH_BASE_URL") or WAGTAILADMIN_BASE_URL
# Whether learning in a launched lesson is also recorded for the corporate LRS (XAPI_*).
CMI5_COPY_TO_LRS = env_bool("CMI5_COPY_TO_LRS", True)
# Seconds per request to an LMS (at launch, while the learner waits, and by lms_worker).
CMI5_LMS_TIMEOUT = env_float("CMI5_LMS_TIMEOUT", 10.0)

# Production mode behind an HTTPS proxy.
SECURE_SSL = env_bool("DJANGO_SECURE_SSL", not DEBUG)
if SECURE_SSL:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    # Load balancers and monitors call /healthz over plain HTTP on the private network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views override this with SAMEORIGIN themselves
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DJANGO_DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # Credentials (Authorization values, passwords, tokens, the LRS password) are blanked
    # in each record before any handler formats it: touchpoint/redaction.py.
    "filters": {"redact_secrets": {"()": "touchpoint.redaction.RedactSecretsFilter"},
                "one_line_warning": {"()": "touchpoint.logging_filters.OneLineWarning"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain",
                             "filters": ["redact_secrets"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # A disallowed Host (any scanner): one WARNING line, no traceback.
        "django.security.DisallowedHost": {"filters": ["one_line_warning"]},
    },
}

# Course figures are SVG: allow SVG images (rendered only through `preserve-svg`
# renditions, see templates/lessons/blocks/image_block.html). Serve /media/*.svg with
# "Content-Security-Policy: default-src 'none'" in production (README, Deployment).
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp", "svg"]

# Insights (the L&D reports in the admin): no figure is shown for a group of learners,
# or a cell of a table, with fewer learners than this.
INSIGHTS_MIN_GROUP_SIZE = env_int("INSIGHTS_MIN_GROUP_SIZE", 5)
