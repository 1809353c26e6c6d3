"""Settings shared by every environment; everything that differs comes from the environment.

DATABASE_URL picks the engine. Without it ontmoet runs on a SQLite file under var/, in WAL mode
and with IMMEDIATE transactions, so that concurrent writers queue for the lock instead of
failing half-way with "database is locked".
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("ONTMOET_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "huey.contrib.djhuey",
    "ontmoet.core",
    "ontmoet.accounts",
    "ontmoet.venues",
    "ontmoet.programme",
    "ontmoet.registrations",
    "ontmoet.bookings",
    "ontmoet.studyplaces",
    "ontmoet.partners",
    "ontmoet.initiatives",
    "ontmoet.debates",
    "ontmoet.training",
    "ontmoet.site",
    "ontmoet.backoffice",
    "ontmoet.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "ontmoet.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "ontmoet.core.middleware.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ontmoet.site.context_processors.site",
            ],
        },
    },
]

SQLITE_DEFAULT = f"sqlite:///{VAR_DIR / 'ontmoet.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", SQLITE_DEFAULT))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=20000;"
        ),
    }
# Keep each worker's connection: opening one per request (and, on SQLite, running the
# PRAGMAs and reading the schema again) cost more than the programme query itself.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "backoffice:login"
LOGIN_REDIRECT_URL = "backoffice:dashboard"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Front-end packages come from npm at set-up time (package.json) and are served from here;
# nothing of them is committed and nothing is loaded from a CDN at run time.
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    ("vendor/utrecht", NODE_MODULES / "@utrecht/component-library-css/dist"),
    ("vendor/denhaag", NODE_MODULES / "@gemeente-denhaag/design-tokens-components/dist"),
    ("vendor/axe-core", NODE_MODULES / "axe-core"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ontmoet <noreply@localhost>")

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ontmoet",
        }
    }
    HUEY = {"huey_class": "huey.RedisHuey", "name": "ontmoet", "url": REDIS_URL, "immediate": False}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "ontmoet",
        "filename": str(VAR_DIR / "huey.sqlite3"),
        "immediate": False,
    }

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "ontmoet.core.api.problem_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ontmoet API",
    "DESCRIPTION": (
        "Open API of the library's public programme: activities, branches and taxonomies. "
        "Follows the Dutch API design rules (NLGov): /api/v1 prefix, no trailing slashes, "
        "errors as application/problem+json (RFC 9457)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "RegistrationStatusEnum": "ontmoet.registrations.models.Registration.Status",
        "BookingStatusEnum": "ontmoet.bookings.models.Booking.Status",
    },
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

ORGANISATION_NAME = os.environ.get("ORGANISATION_NAME", "Bibliotheek Den Haag")

# Where residents reach the site; mails carry absolute links built from it.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Abuse limits on public registration and manage-link requests: (requests, seconds).
# They use the cache, which is shared between workers once REDIS_URL is set.
RATE_LIMITS = {
    "register-address": (int(os.environ.get("RATE_LIMIT_REGISTER_PER_ADDRESS", "30")), 600),
    "register-email": (int(os.environ.get("RATE_LIMIT_REGISTER_PER_EMAIL", "10")), 3600),
    "lookup-address": (int(os.environ.get("RATE_LIMIT_LOOKUP_PER_ADDRESS", "10")), 3600),
    "lookup-email": (int(os.environ.get("RATE_LIMIT_LOOKUP_PER_EMAIL", "3")), 3600),
    "booking-request-address": (int(os.environ.get("RATE_LIMIT_REQUEST_PER_ADDRESS", "10")), 3600),
    "booking-request-email": (int(os.environ.get("RATE_LIMIT_REQUEST_PER_EMAIL", "5")), 3600),
    "seat-address": (int(os.environ.get("RATE_LIMIT_SEAT_PER_ADDRESS", "120")), 600),
    "seat-email": (int(os.environ.get("RATE_LIMIT_SEAT_PER_EMAIL", "10")), 3600),
    "idea-address": (int(os.environ.get("RATE_LIMIT_IDEA_PER_ADDRESS", "10")), 3600),
    "idea-email": (int(os.environ.get("RATE_LIMIT_IDEA_PER_EMAIL", "5")), 86400),
    "idea-message-address": (int(os.environ.get("RATE_LIMIT_IDEA_MESSAGE", "30")), 3600),
    "support-address": (int(os.environ.get("RATE_LIMIT_SUPPORT_PER_ADDRESS", "60")), 3600),
    # Password guessing at the login forms (staff and partners; attempts, failed or not).
    "login-address": (int(os.environ.get("RATE_LIMIT_LOGIN_PER_ADDRESS", "20")), 600),
    # A whole hall may vote from one network (the library's wifi): generous per address.
    "vote-address": (int(os.environ.get("RATE_LIMIT_VOTE_PER_ADDRESS", "3000")), 60),
    "question-address": (int(os.environ.get("RATE_LIMIT_QUESTION_PER_ADDRESS", "300")), 60),
    # The vote limit per address is shared by a hall, so each phone (its cookie or token)
    # also has one of its own per round: a double tap passes, a script does not.
    "vote-device": (int(os.environ.get("RATE_LIMIT_VOTE_PER_DEVICE", "10")), 60),
    # Wrong debate join codes per address: a hall's typos pass, guessing codes does not.
    "debate-code-address": (int(os.environ.get("RATE_LIMIT_DEBATE_CODE_MISSES", "100")), 600),
}
