"""Page plumbing shared by the public views of every app: private pages behind a secret
link, and the answer when a client asks too often."""

import functools

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache


def private_page(view):
    """No cache, no index: for pages whose address is a secret. (The site's referrer policy,
    same-origin, already keeps the address from other sites; "no-referrer" would make
    browsers send "Origin: null" with the page's forms, which the CSRF check refuses.)"""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = never_cache(view)(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapper


def too_many(request, seconds: int) -> HttpResponse:
    response = render(
        request,
        "site/error.html",
        {
            "status": 429,
            "title": _("Too many requests"),
            "message": _("Please wait a few minutes and try again."),
        },
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response
