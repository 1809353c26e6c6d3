"""A short cache of public pages (and public API reads) for visitors without a session.

Residents' programme pages are the same for everyone, and most visits ask for the same
few filter states. A page is kept for ``timeout`` seconds under a key that holds the
current ``ContentVersion`` of what it shows; every write to that content raises the version
(``content_changed``), so nobody sees a page older than the last change. Visitors with a
session or an API token (staff) always get a fresh answer. The version is read from the
database on each request (one indexed row), which keeps workers consistent without a shared
cache.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.http import HttpResponse
from django.utils.translation import get_language

from .models import ContentVersion


def content_changed(key: str) -> None:
    """Raise the version of ``key``; call it inside the transaction that changes content."""
    updated = ContentVersion.objects.filter(key=key).update(version=F("version") + 1)
    if not updated:
        ContentVersion.objects.get_or_create(key=key, defaults={"version": 1})


def _version(key: str) -> int:
    row = ContentVersion.objects.filter(key=key).values_list("version", flat=True).first()
    return row or 0


def cache_public_page(key: str, timeout: int = 60, vary=None):
    """Cache a GET view's 200 responses for anonymous visitors, keyed by content version,
    language and full path (query string included).

    ``vary(*args, **kwargs)``, if given, returns a further part of the key (a version of
    something else the page shows, such as the places left at one activity)."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if (
                request.method != "GET"
                or settings.SESSION_COOKIE_NAME in request.COOKIES
                or "HTTP_AUTHORIZATION" in request.META
            ):
                return view(request, *args, **kwargs)
            # Host and scheme too: pages carry absolute links (JSON-LD, feeds).
            address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
            path = hashlib.sha256(address.encode()).hexdigest()
            extra = vary(*args, **kwargs) if vary else ""
            cache_key = f"page:{key}:{_version(key)}:{extra}:{get_language()}:{path}"
            stored = cache.get(cache_key)
            if stored is not None:
                content, content_type = stored
                return HttpResponse(content, content_type=content_type)
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming:
                if hasattr(response, "render"):
                    response.render()
                cache.set(cache_key, (response.content, response["Content-Type"]), timeout)
            return response

        return wrapper

    return decorate
