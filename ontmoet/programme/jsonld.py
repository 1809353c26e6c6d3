"""schema.org JSON-LD for an activity page (Event) and a series page (EventSeries), with the
partners that co-host them — an activity's own and its series' — as organisers or
contributors by role."""

import json

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from .models import Activity, Series

STATUS = {
    Activity.Status.PUBLISHED: "https://schema.org/EventScheduled",
    Activity.Status.CANCELLED: "https://schema.org/EventCancelled",
    Activity.Status.DRAFT: "https://schema.org/EventScheduled",
}


def _availability(activity: Activity, now) -> str:
    if activity.is_cancelled or activity.ends_at < now:
        return (
            "https://schema.org/SoldOut"
            if activity.is_cancelled
            else "https://schema.org/Discontinued"
        )
    if activity.registration_opens_at and activity.registration_opens_at > now:
        return "https://schema.org/PreOrder"
    return "https://schema.org/InStock"


# The partner roles (ontmoet.partners.models.Role) that organise; the others contribute.
ORGANISING = ("organiser", "co_organiser")


def co_hosts(activity: Activity) -> list:
    """The partners that co-host the activity, with their roles: its own (prefetched by the
    selector), then those of its series that are not among them — a partner that co-hosts a
    series co-hosts each of its activities. Each item has ``partner``, ``role`` and
    ``get_role_display``; worked out once per activity object, as the page and its JSON-LD
    both show it."""
    cached = activity.__dict__.get("_co_hosts")
    if cached is None:
        cached = list(activity.hosts.all())
        if activity.series_id:
            own = {h.partner_id for h in cached}
            series_hosts = activity.series.hosts.select_related("partner").order_by("id")
            cached += [h for h in series_hosts if h.partner_id not in own]
        activity.__dict__["_co_hosts"] = cached
    return cached


def _organisation(partner, base_url: str) -> dict:
    """A partner as a schema.org Organization. Only a partner listed publicly has a page of
    ours to point to; an unlisted one is named, without a url."""
    data = {"@type": "Organization", "name": partner.name}
    if partner.is_public:
        data["url"] = partner.website or f"{base_url}{partner.get_absolute_url()}"
    return data


def _hosts_jsonld(hosts, names, base_url: str) -> dict:
    """``organizer`` (the library, organising partners, other organisers by name) and, if
    any, ``contributor`` (the partners in other roles)."""
    data = {
        "organizer": [
            {"@type": "Organization", "name": settings.ORGANISATION_NAME, "url": base_url + "/"}
        ]
        + [_organisation(h.partner, base_url) for h in hosts if h.role in ORGANISING]
        + [{"@type": "Organization", "name": name} for name in names]
    }
    contributors = [_organisation(h.partner, base_url) for h in hosts if h.role not in ORGANISING]
    if contributors:
        data["contributor"] = contributors
    return data


def activity_jsonld(activity: Activity, *, base_url: str, now) -> dict:
    branch = activity.branch
    url = f"{base_url}{activity.get_absolute_url()}"
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": activity.title,
        "description": strip_tags(activity.summary),
        "startDate": activity.starts_at.isoformat(),
        "endDate": activity.ends_at.isoformat(),
        "eventStatus": STATUS[activity.status],
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": activity.languages or ["nl"],
        "isAccessibleForFree": True,
        "location": {
            "@type": "Place",
            "name": branch.name
            if not activity.space_id
            else f"{activity.space.name}, {branch.name}",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": branch.address,
                "postalCode": branch.postcode,
                "addressLocality": branch.city,
                "addressCountry": "NL",
            },
        },
        **_hosts_jsonld(co_hosts(activity), activity.organisers, base_url),
        "offers": {
            "@type": "Offer",
            "price": "0",
            "priceCurrency": "EUR",
            "availability": _availability(activity, now),
            "url": url,
        },
    }
    if branch.latitude is not None and branch.longitude is not None:
        data["location"]["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(branch.latitude),
            "longitude": float(branch.longitude),
        }
    if activity.image:
        data["image"] = [f"{base_url}{activity.image.url}"]
    if activity.registration_opens_at:
        data["offers"]["validFrom"] = activity.registration_opens_at.isoformat()
    if activity.series_id:
        data["superEvent"] = {
            "@type": "EventSeries",
            "name": activity.series.title,
            "url": f"{base_url}{activity.series.get_absolute_url()}",
        }
    return data


def series_jsonld(series: Series, *, base_url: str) -> dict:
    """schema.org EventSeries for a series page: who hosts it with the library."""
    url = f"{base_url}{series.get_absolute_url()}"
    data = {
        "@context": "https://schema.org",
        "@type": "EventSeries",
        "@id": url,
        "url": url,
        "name": series.title,
        "description": strip_tags(series.summary),
        **_hosts_jsonld(list(series.hosts.all()), series.organisers, base_url),
    }
    if not data["description"]:
        del data["description"]
    return data


_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def as_script_json(data: dict) -> str:
    """JSON safe to place inside a <script> element: no "</script>" can close it early."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))  # noqa: S308
