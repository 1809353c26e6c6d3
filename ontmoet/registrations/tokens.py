"""Secret links. A token is 144 random bits (24 URL-safe characters); only its SHA-256 is
stored, so a copy of the database opens no registration."""

import hashlib
import secrets

from django.core import signing

TOKEN_BYTES = 18
# Tokens look like this; anything else is refused before the database is asked.
TOKEN_LENGTH = 24
FORM_SALT = "ontmoet.registrations.form-token"
FORM_MAX_AGE = 2 * 24 * 3600


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def looks_like_token(value: str) -> bool:
    return (
        isinstance(value, str)
        and len(value) == TOKEN_LENGTH
        and all(c.isalnum() or c in "-_" for c in value)
    )


def sign_form_token(token: str) -> str:
    """The registration form carries the future manage token, signed, so that a resubmitted
    form (a double click, a reload) finds the registration it already made."""
    return signing.dumps(token, salt=FORM_SALT)


def unsign_form_token(value: str) -> str | None:
    try:
        token = signing.loads(value, salt=FORM_SALT, max_age=FORM_MAX_AGE)
    except (signing.BadSignature, TypeError):
        return None
    return token if looks_like_token(token) else None
