"""Fixed-window rate limits on the cache (shared between workers when REDIS_URL is set).

Limits are named in ``settings.RATE_LIMITS`` as (requests, seconds). Keys are hashed, so the
cache never holds an address or an email in clear.
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def retry_after(scope: str, key: str) -> int | None:
    """Count one request under ``scope`` for ``key``; the seconds to wait when it is one too
    many, else None."""
    limit, window = settings.RATE_LIMITS[scope]
    now = time.time()
    bucket = int(now // window)
    digest = hashlib.sha256(f"{scope}:{key}".encode()).hexdigest()[:32]
    cache_key = f"rl:{scope}:{digest}:{bucket}"
    if cache.add(cache_key, 1, window):
        used = 1
    else:
        try:
            used = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.add(cache_key, 1, window)
            used = 1
    if used <= limit:
        return None
    return max(1, math.ceil((bucket + 1) * window - now))


def first_retry_after(checks: list[tuple[str, str]]) -> int | None:
    """Count the request under every (scope, key) given; the longest wait, if any."""
    waits = [retry_after(scope, key) for scope, key in checks if key]
    waits = [w for w in waits if w]
    return max(waits) if waits else None


def address_and_email_retry_after(request, email, *, scope: str) -> int | None:
    """Count a public form or API request under ``<scope>-address`` (the client) and
    ``<scope>-email`` (the address it names); the seconds to wait when either is over."""
    return first_retry_after(
        [
            (f"{scope}-address", client_address(request)),
            (f"{scope}-email", str(email).strip().lower()[:254]),
        ]
    )
