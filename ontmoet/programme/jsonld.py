"""schema.org Event JSON-LD for an activity page."""

import json

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from .models import Activity

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


def _organisation(partner, base_url: str) -> dict:
    return {
        "@type": "Organization",
        "name": partner.name,
        "url": partner.website or f"{base_url}{partner.get_absolute_url()}",
    }


def activity_jsonld(activity: Activity, *, base_url: str, now) -> dict:
    branch = activity.branch
    hosts = list(activity.hosts.all())  # co-hosting partners, prefetched by the selector
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
        "organizer": [
            {"@type": "Organization", "name": settings.ORGANISATION_NAME, "url": base_url + "/"}
        ]
        + [_organisation(h.partner, base_url) for h in hosts if h.role in ORGANISING]
        + [{"@type": "Organization", "name": name} for name in activity.organisers],
        "offers": {
            "@type": "Offer",
            "price": "0",
            "priceCurrency": "EUR",
            "availability": _availability(activity, now),
            "url": url,
        },
    }
    contributors = [_organisation(h.partner, base_url) for h in hosts if h.role not in ORGANISING]
    if contributors:
        data["contributor"] = contributors
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


_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def as_script_json(data: dict) -> str:
    """JSON safe to place inside a <script> element: no "</script>" can close it early."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))  # noqa: S308
