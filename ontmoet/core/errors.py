"""Error pages: problem+json under /api/, friendly HTML elsewhere."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from .api import problem_response


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def bad_request(request, exception=None):
    if _is_api(request):
        return problem_response(request, 400, _("The request is not valid."))
    return render(
        request, "site/error.html", {"status": 400, "title": _("Bad request")}, status=400
    )


def permission_denied(request, exception=None):
    if _is_api(request):
        return problem_response(request, 403, _("You may not do this."))
    return render(request, "site/error.html", {"status": 403, "title": _("No access")}, status=403)


def page_not_found(request, exception=None):
    if _is_api(request):
        return problem_response(request, 404, _("Not found."))
    return render(
        request, "site/error.html", {"status": 404, "title": _("Page not found")}, status=404
    )


def server_error(request):
    if _is_api(request):
        return problem_response(request, 500, _("Something went wrong on our side."))
    return render(
        request, "site/error.html", {"status": 500, "title": _("Something went wrong")}, status=500
    )
