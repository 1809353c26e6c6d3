"""Local development: a secret key generated once into var/, debug on unless told otherwise."""

import os
import secrets

from .base import *  # noqa: F403
from .base import VAR_DIR, env_bool

_key_file = VAR_DIR / "secret_key"
if not SECRET_KEY:  # noqa: F405
    if not _key_file.exists():
        _key_file.write_text(secrets.token_urlsafe(50))
        _key_file.chmod(0o600)
    SECRET_KEY = _key_file.read_text().strip()

DEBUG = env_bool("DEBUG", default=True)
if "ALLOWED_HOSTS" not in os.environ:
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
