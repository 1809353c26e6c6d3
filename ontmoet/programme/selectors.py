"""Reads of the programme for the public site, feeds and API.

The programme list is paginated by look-ahead (fetch one row more than a page) rather than a
COUNT over the whole filtered table, so a page costs the same at 600 or 100,000 activities.
Filter choices are cached as one bundle and dropped whenever a taxonomy or branch changes.
"""

import datetime
import time
from dataclasses import dataclass
from functools import lru_cache

from django.core.cache import cache
from django.db import connection
from django.db.models import Exists, F, OuterRef, Prefetch, Value
from django.utils import timezone

from ontmoet.venues.models import AccessibilityFeature, Branch, District

from .models import (
    MAX_DURATION,
    Activity,
    ActivitySearchTerm,
    Audience,
    Format,
    LibraryFunction,
    Theme,
)
from .search import query_stems

FILTER_OPTIONS_CACHE_KEY = "programme:filter-options:v1"
TAXONOMY_INDEX_CACHE_KEY = "programme:taxonomy-index:v1"
FILTER_OPTIONS_TTL = 300
LOCAL_TTL = 30
_local: dict[str, tuple[float, object]] = {}
# What a card in a list shows; reading only these columns keeps a page of cards cheap.
CARD_FIELDS = (
    "id",
    "slug",
    "title",
    "summary",
    "starts_at",
    "ends_at",
    "status",
    "branch__name",
    "branch__slug",
    "format__name",
    "format__name_en",
)


@dataclass(frozen=True)
class ProgrammeFilters:
    branch: Branch | None = None
    district: District | None = None
    theme: Theme | None = None
    audience: Audience | None = None
    format: Format | None = None
    accessibility: AccessibilityFeature | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    q: str = ""
    series_id: int | None = None


@dataclass
class Page:
    items: list
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def _two_level(key: str, build):
    """A value from this worker's memory (for LOCAL_TTL seconds), else the shared cache,
    else ``build()``. Saves unpickling the same lists on every request."""
    now = time.monotonic()
    held = _local.get(key)
    if held and now - held[0] < LOCAL_TTL:
        return held[1]
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, FILTER_OPTIONS_TTL)
    _local[key] = (now, value)
    return value


# The lists a filter form offers; read together in one UNION query.
FILTER_TAXONOMIES = {
    "themes": Theme,
    "audiences": Audience,
    "formats": Format,
    "accessibility": AccessibilityFeature,
}


def _taxonomy_lists() -> dict[str, list]:
    """Each filter taxonomy as a list in display order (position, then name). The
    instances carry only what a form or API list shows; they are never saved."""
    queries = [
        model.objects.order_by()
        .annotate(kind=Value(kind), rank=F("position") if hasattr(model, "position") else Value(0))
        .values_list("kind", "rank", "id", "slug", "name", "name_en")
        for kind, model in FILTER_TAXONOMIES.items()
    ]
    ranked: dict[str, list] = {kind: [] for kind in FILTER_TAXONOMIES}
    for kind, rank, pk, slug, name, name_en in queries[0].union(*queries[1:], all=True):
        item = FILTER_TAXONOMIES[kind](pk=pk, slug=slug, name=name, name_en=name_en)
        ranked[kind].append((rank, name, item))
    return {
        kind: [item for *_, item in sorted(rows, key=lambda r: r[:2])]
        for kind, rows in ranked.items()
    }


def _build_filter_options() -> dict[str, list]:
    branches = list(Branch.objects.select_related("district"))
    return {
        "branches": branches,
        "districts": sorted({b.district for b in branches}, key=lambda d: d.name),
        **_taxonomy_lists(),
    }


def filter_options() -> dict[str, list]:
    """Everything the programme's filter form offers, as one cached bundle (2 queries cold)."""
    return _two_level(FILTER_OPTIONS_CACHE_KEY, _build_filter_options)


# Filter parameter -> the list in filter_options() it names an entry of.
FILTER_LISTS = {
    "branch": "branches",
    "district": "districts",
    "theme": "themes",
    "audience": "audiences",
    "format": "formats",
    "accessibility": "accessibility",
}


def filter_option(field: str, slug: str):
    """The entry of the cached filter lists that ``slug`` names, or None."""
    return next((o for o in filter_options()[FILTER_LISTS[field]] if o.slug == slug), None)


def filter_options_invalidate() -> None:
    """Drop the cached lists: at once in this worker and the shared cache; other workers
    notice within LOCAL_TTL seconds."""
    _local.clear()
    cache.delete_many([FILTER_OPTIONS_CACHE_KEY, TAXONOMY_INDEX_CACHE_KEY])


# The many-to-many links an activity carries, with the taxonomy each points into.
LINKS = {
    "themes": (Theme.activities.through, "theme_id"),
    "audiences": (Audience.activities.through, "audience_id"),
    "library_functions": (LibraryFunction.activities.through, "libraryfunction_id"),
    "accessibility_features": (AccessibilityFeature.activities.through, "accessibilityfeature_id"),
}


def _build_taxonomy_index() -> dict[str, dict[int, object]]:
    options = filter_options()
    return {
        "themes": {t.pk: t for t in options["themes"]},
        "audiences": {a.pk: a for a in options["audiences"]},
        "library_functions": {f.pk: f for f in LibraryFunction.objects.all()},
        "accessibility_features": {f.pk: f for f in options["accessibility"]},
    }


def taxonomy_index() -> dict[str, dict[int, object]]:
    """Every taxonomy by id, cached like the filter options."""
    return _two_level(TAXONOMY_INDEX_CACHE_KEY, _build_taxonomy_index)


@lru_cache(maxsize=128)
def _links_sql(count: int) -> str:
    """UNION ALL over the link tables for ``count`` activity ids. Written out once per page
    size: composing it through the ORM cost more than running it."""
    quote = connection.ops.quote_name
    marks = ", ".join(["%s"] * count)
    # Only model metadata goes into the text; every value is a query parameter.
    return " UNION ALL ".join(
        f"SELECT %s, {quote('activity_id')}, {quote(column)} "  # noqa: S608
        f"FROM {quote(through._meta.db_table)} WHERE {quote('activity_id')} IN ({marks})"
        for through, column in LINKS.values()
    )


def attach_taxonomies(activities: list[Activity]) -> list[Activity]:
    """Set ``<link>_list`` on each activity (themes_list, audiences_list, ...) from one UNION
    query over the link tables and the cached taxonomies: far cheaper than four
    prefetch_related lookups, which build a manager and queryset per activity."""
    ids = [a.pk for a in activities]
    found: dict[tuple[str, int], list[int]] = {}
    if ids:
        with connection.cursor() as cursor:
            cursor.execute(_links_sql(len(ids)), [p for name in LINKS for p in (name, *ids)])
            for link, activity_id, target in cursor.fetchall():
                found.setdefault((link, activity_id), []).append(target)
    index = taxonomy_index()
    rank = {name: {pk: i for i, pk in enumerate(by_id)} for name, by_id in index.items()}
    for activity in activities:
        for name in LINKS:
            targets = sorted(
                (i for i in found.get((name, activity.pk), []) if i in index[name]),
                key=rank[name].__getitem__,
            )
            setattr(activity, f"{name}_list", [index[name][i] for i in targets])
    return activities


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _window(filters: ProgrammeFilters, now) -> tuple[datetime.datetime, datetime.datetime, object]:
    """(not ended before, starts from, starts before or None) for the filters' dates."""
    ends_after = (
        _local_midnight(filters.date_from) if filters.date_from else (now or timezone.now())
    )
    starts_before = (
        _local_midnight(filters.date_to + datetime.timedelta(days=1)) if filters.date_to else None
    )
    # An activity lasts at most MAX_DURATION, so nothing that started earlier is still on.
    return ends_after, ends_after - MAX_DURATION, starts_before


def _has(through, owner: str, value):
    """EXISTS over a many-to-many link, checked per activity as the walk reaches it."""
    return Exists(through.objects.filter(activity_id=OuterRef("pk"), **{owner: value}))


def activity_queryset_public(*, filters: ProgrammeFilters, now=None):
    """The public programme for ``filters``, in (start, id) order.

    Shaped so the database walks an index in that order and stops after a page: without a
    search it walks the activities' start index; with one it walks the first stem's entries
    of the search index (which carry the start time), so a rare word costs as little as a
    common one. Other conditions are checked on the rows the walk reaches.
    """
    ends_after, starts_from, starts_before = _window(filters, now)
    qs = Activity.objects.public().filter(ends_at__gte=ends_after)
    if starts_before:
        qs = qs.filter(starts_at__lt=starts_before)
    if filters.branch:
        qs = qs.filter(branch=filters.branch)
    if filters.district:
        qs = qs.filter(branch__district=filters.district)
    if filters.format:
        qs = qs.filter(format=filters.format)
    if filters.series_id:
        qs = qs.filter(series_id=filters.series_id)
    if filters.theme:
        qs = qs.filter(_has(Theme.activities.through, "theme", filters.theme))
    if filters.audience:
        qs = qs.filter(_has(Audience.activities.through, "audience", filters.audience))
    if filters.accessibility:
        qs = qs.filter(
            _has(
                AccessibilityFeature.activities.through,
                "accessibilityfeature",
                filters.accessibility,
            )
        )
    terms = query_stems(filters.q)
    if not terms:
        return qs.filter(starts_at__gte=starts_from).order_by("starts_at", "id")
    first, *others = terms
    for term in others:
        qs = qs.filter(
            Exists(ActivitySearchTerm.objects.filter(activity_id=OuterRef("pk"), term=term))
        )
    return qs.filter(search_terms__term=first, search_terms__starts_at__gte=starts_from).order_by(
        "search_terms__starts_at", "search_terms__activity_id"
    )


def activity_list_public(*, filters: ProgrammeFilters, page: int = 1, per_page: int = 20) -> Page:
    """One page of the public programme: a single query for the activities."""
    page = max(1, page)
    offset = (page - 1) * per_page
    qs = activity_queryset_public(filters=filters).select_related("branch", "format")
    qs = qs.only(*CARD_FIELDS)
    rows = list(qs[offset : offset + per_page + 1])
    return Page(items=rows[:per_page], number=page, has_next=len(rows) > per_page)


def activity_detail_public(*, pk: int) -> Activity:
    return (
        Activity.objects.public()
        .select_related("branch", "branch__district", "space", "format", "series")
        .prefetch_related(
            "themes",
            "audiences",
            "library_functions",
            "accessibility_features",
            "sessions",
            "hosts__partner",  # co-hosting partners (ontmoet.partners)
        )
        .get(pk=pk)
    )


def activities_for_feed(*, filters: ProgrammeFilters, limit: int = 500):
    return list(
        activity_queryset_public(filters=filters)
        .select_related("branch", "space", "format")
        .prefetch_related(Prefetch("themes"))[:limit]
    )


def activities_for_home(*, now=None) -> dict[str, list]:
    now = now or timezone.localtime()
    today_end = _local_midnight(now.date() + datetime.timedelta(days=1))
    week_end = _local_midnight(now.date() + datetime.timedelta(days=7))
    base = (
        Activity.objects.public()
        .upcoming(now)
        .select_related("branch", "format")
        .only(*CARD_FIELDS)
    )
    return {
        "today": list(base.filter(starts_at__lt=today_end).order_by("starts_at", "id")[:12]),
        "week": list(
            base.filter(starts_at__gte=today_end, starts_at__lt=week_end).order_by(
                "starts_at", "id"
            )[:12]
        ),
    }
