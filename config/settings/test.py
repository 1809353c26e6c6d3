"""Tests: fast hashing, in-memory mail, eager tasks; the engine comes from DATABASE_URL."""

import os

from .base import *  # noqa: F403

# Two test runs in one checkout at once (two terminals) each need a database of their own:
# ONTMOET_TEST_DB names it, on either engine.
TEST_DB = os.environ.get("ONTMOET_TEST_DB", "test_ontmoet")

SECRET_KEY = "test-only-secret-key-not-for-production"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
HUEY = {"huey_class": "huey.MemoryHuey", "name": "ontmoet-test", "immediate": True}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# SQLite tests use a file, not Django's shared in-memory database: the concurrency tests need
# real WAL locking and the busy timeout between threads, as in production.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"{TEST_DB}.sqlite3")}  # noqa: F405
else:
    DATABASES["default"]["TEST"] = {"NAME": TEST_DB}  # noqa: F405
