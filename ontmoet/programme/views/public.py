"""The public programme: list with filters, activity pages, series and theme pages, feeds."""

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ontmoet.core.pagecache import cache_public_page
from ontmoet.registrations.selectors import availability, lottery_state, places_version
from ontmoet.registrations.services import refusal
from ontmoet.venues.models import Branch

from ..forms import ProgrammeFilterForm
from ..ical import activity_calendar, feed_calendar
from ..jsonld import activity_jsonld, as_script_json
from ..models import Activity, Series, Theme
from ..selectors import (
    ProgrammeFilters,
    activities_for_feed,
    activity_detail_public,
    activity_list_public,
)
from ..services import PUBLIC_CONTENT


def base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@require_safe
@cache_public_page(PUBLIC_CONTENT)
def programme(request):
    form = ProgrammeFilterForm(request.GET or None)
    status = 200
    if request.GET and not form.is_valid():
        page, status = None, 400
    else:
        filters = form.to_filters() if request.GET else ProgrammeFilters()
        page = activity_list_public(filters=filters, page=form.page_number if request.GET else 1)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "programme/public/programme.html",
        {"form": form, "page": page, "query": query.urlencode()},
        status=status,
    )


@require_safe
@cache_public_page(PUBLIC_CONTENT, vary=places_version)
def activity_detail(request, pk: int, slug: str = ""):
    try:
        activity = activity_detail_public(pk=pk)
    except Activity.DoesNotExist:
        raise Http404 from None
    if slug != activity.slug:
        return redirect(activity, permanent=True)
    now = timezone.now()
    jsonld = activity_jsonld(activity, base_url=base_url(request), now=now)
    registrable = activity.registration_mode == Activity.RegistrationMode.REQUIRED
    return render(
        request,
        "programme/public/activity_detail.html",
        {
            "activity": activity,
            "jsonld": as_script_json(jsonld),
            "availability": availability(activity) if registrable else None,
            "registration_refused": refusal(activity, now) if registrable else None,
            "lottery": lottery_state(activity) if registrable else None,
        },
    )


def _ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def activity_ical(request, pk: int):
    try:
        activity = activity_detail_public(pk=pk)
    except Activity.DoesNotExist:
        raise Http404 from None
    return _ics_response(
        activity_calendar(activity, base_url=base_url(request)), f"{activity.slug}.ics"
    )


@require_safe
@cache_public_page(PUBLIC_CONTENT)
def theme_detail(request, slug: str):
    theme = get_object_or_404(Theme, slug=slug)
    page = activity_list_public(filters=ProgrammeFilters(theme=theme), per_page=30)
    return render(request, "programme/public/theme_detail.html", {"theme": theme, "page": page})


@require_safe
@cache_public_page(PUBLIC_CONTENT)
def series_detail(request, slug: str):
    series = get_object_or_404(
        Series.objects.prefetch_related("themes", "hosts__partner"), slug=slug
    )
    activities = list(
        series.activities.public().select_related("branch", "format").order_by("starts_at")
    )
    now = timezone.now()
    return render(
        request,
        "programme/public/series_detail.html",
        {
            "series": series,
            "upcoming": [a for a in activities if a.ends_at >= now],
            "past": [a for a in activities if a.ends_at < now][::-1],
        },
    )


@require_safe
@cache_public_page(PUBLIC_CONTENT)
def series_list(request):
    return render(
        request, "programme/public/series_list.html", {"series_list": Series.objects.all()}
    )


def _feed_scope(kind: str, slug: str):
    """(filters, name) for a feed of the whole programme, a branch or a theme."""
    if kind == "branch":
        branch = get_object_or_404(Branch, slug=slug)
        return ProgrammeFilters(branch=branch), branch.name
    if kind == "theme":
        theme = get_object_or_404(Theme, slug=slug)
        return ProgrammeFilters(theme=theme), theme.label
    if kind != "all":
        raise Http404
    return ProgrammeFilters(), _("Programme")


@require_safe
def ical_feed(request, kind: str = "all", slug: str = ""):
    filters, name = _feed_scope(kind, slug)
    body = feed_calendar(
        activities_for_feed(filters=filters), name=f"ontmoet – {name}", base_url=base_url(request)
    )
    return _ics_response(body, f"ontmoet-{kind}{'-' + slug if slug else ''}.ics")


class ProgrammeRssFeed(Feed):
    """RSS 2.0 of the upcoming programme, whole or per branch or theme."""

    def get_object(self, request, kind: str = "all", slug: str = ""):
        return _feed_scope(kind, slug)

    def title(self, obj):
        return f"ontmoet – {obj[1]}"

    def link(self, obj):
        return "/"

    def description(self, obj):
        return _("Upcoming activities in the library: %(name)s") % {"name": obj[1]}

    def items(self, obj):
        return activities_for_feed(filters=obj[0], limit=100)

    def item_title(self, item):
        return f"{item.title} ({timezone.localtime(item.starts_at):%d-%m-%Y %H:%M})"

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at
