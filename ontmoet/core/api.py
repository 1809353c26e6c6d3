"""API plumbing shared by every app: errors as application/problem+json (RFC 9457)."""

import re

from django.http import JsonResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from .forms import page_language

PROBLEM_CONTENT_TYPE = "application/problem+json"


def problem(*, status_code: int, title: str, detail: str = "", errors=None, instance: str = ""):
    body = {"type": "about:blank", "title": title, "status": status_code}
    if detail:
        body["detail"] = detail
    if instance:
        body["instance"] = instance
    if errors:
        body["invalid_params"] = errors
    return body


def _invalid_params(data, prefix: str = "") -> list[dict]:
    """Flatten DRF's nested error dict into NLGov ``invalid_params`` entries."""
    out: list[dict] = []
    if isinstance(data, dict):
        for key, value in data.items():
            out.extend(_invalid_params(value, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, dict | list):
                out.extend(_invalid_params(item, prefix))
            else:
                code = getattr(item, "code", "invalid")
                out.append({"name": prefix or "nonFieldErrors", "code": code, "reason": str(item)})
    else:
        out.append({"name": prefix or "nonFieldErrors", "code": "invalid", "reason": str(data)})
    return out


def problem_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    request = context.get("request")
    instance = request.path if request is not None else ""
    if isinstance(exc, exceptions.ValidationError):
        body = problem(
            status_code=response.status_code,
            title=_("The request is not valid."),
            detail=_("One or more parameters are not valid."),
            errors=_invalid_params(exc.detail),
            instance=instance,
        )
    elif isinstance(exc, exceptions.Throttled):
        # DRF's own wording comes half translated ("... Expected available in N seconds").
        body = problem(
            status_code=response.status_code,
            title=_("Too many requests."),
            detail=_("Please wait %(seconds)d seconds and try again.") % {"seconds": exc.wait or 1},
            instance=instance,
        )
    elif isinstance(exc, exceptions.ParseError):
        # DRF's detail is the JSON parser's message, in English whatever the language.
        body = problem(
            status_code=response.status_code,
            title=_("The request body is not valid JSON."),
            instance=instance,
        )
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        body = problem(
            status_code=response.status_code,
            title=str(detail) if isinstance(detail, str) else _("The request failed."),
            instance=instance,
        )
    return Response(
        body,
        status=response.status_code,
        headers=dict(response.items()),
        content_type=PROBLEM_CONTENT_TYPE,
    )


def body_text(request, name: str) -> str:
    """One text field of a request body, read before its serializer runs (for a rate limit
    keyed on it); "" when the body is not an object (a JSON list, say), which the
    serializer then refuses with a 400."""
    data = request.data
    value = data.get(name, "") if hasattr(data, "get") else ""
    return value if isinstance(value, str) else ""


def problem_response(request, status_code: int, title: str) -> JsonResponse:
    """For errors Django raises before DRF is reached (unknown URL, server error)."""
    return JsonResponse(
        problem(status_code=status_code, title=title, instance=request.path),
        status=status_code,
        content_type=PROBLEM_CONTENT_TYPE,
    )


def api_not_found(request):
    return problem_response(request, status.HTTP_404_NOT_FOUND, _("Not found."))


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class SlugListField(serializers.Field):
    """Read-only: the slugs of a related manager's objects (prefetched by the view)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return [obj.slug for obj in value.all()]


SLUG_PARAM = re.compile(r"[-a-zA-Z0-9_]{1,80}")


def slug_param(request, name: str) -> str | None:
    """An optional slug from the query string; anything that is not a slug (control
    characters, which PostgreSQL refuses in text, included) is a 400, not a query."""
    value = request.query_params.get(name)
    if value is None:
        return None
    if not SLUG_PARAM.fullmatch(value):
        raise exceptions.ValidationError({name: [_("Give a slug: letters, digits and dashes.")]})
    return value


class MomentField(serializers.DateTimeField):
    """DRF's DateTimeField, with a moment that has no equivalent in UTC (``0001-01-01T00:00``
    in Amsterdam lies before the year 1 in UTC) refused as invalid: DRF's check of a naive
    moment converts it to UTC and lets the OverflowError through, a 500."""

    def enforce_timezone(self, value):
        try:
            return super().enforce_timezone(value)
        except OverflowError:
            self.fail("overflow")


class MessageLanguageField(serializers.ChoiceField):
    """The language a resident's mails are written in: the one sent, or else the one the request
    asked for in Accept-Language (the API answers in it too), so that an English app need not
    repeat it in every body."""

    def __init__(self, **kwargs):
        kwargs.setdefault("default", page_language)
        kwargs.setdefault("help_text", "Language for mails; by default the Accept-Language one")
        super().__init__(**kwargs)
