"""iCalendar (RFC 5545) for single activities and subscription feeds.

Times are written in Europe/Amsterdam with a VTIMEZONE component, so calendar programs show
the local time even across the daylight-saving changes. Cancelled activities stay in feeds
with STATUS:CANCELLED, so subscribers' calendars drop them instead of keeping a ghost.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from icalendar import Calendar, Event, Timezone, vText

from .models import Activity

PRODID = "-//ontmoet//programme//NL"


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    cal.add_component(Timezone.from_tzid(settings.TIME_ZONE))
    return cal


def _location(activity: Activity) -> str:
    branch = activity.branch
    parts = [
        activity.space.name if activity.space_id else "",
        branch.name,
        branch.address,
        f"{branch.postcode} {branch.city}".strip(),
    ]
    return ", ".join(p for p in parts if p)


def _event(activity: Activity, *, base_url: str, session=None) -> Event:
    """The activity as a calendar event; with ``session``, that further meeting of a course."""
    tz = ZoneInfo(settings.TIME_ZONE)
    when = session or activity
    event = Event()
    suffix = f"-session-{session.pk}" if session else ""
    event.add("uid", f"activity-{activity.pk}{suffix}@ontmoet")
    event.add("dtstamp", activity.updated_at.astimezone(datetime.UTC))
    event.add("last-modified", activity.updated_at.astimezone(datetime.UTC))
    event.add("dtstart", when.starts_at.astimezone(tz))
    event.add("dtend", when.ends_at.astimezone(tz))
    event.add("summary", activity.title)
    event.add("description", f"{activity.summary}\n\n{base_url}{activity.get_absolute_url()}")
    event.add("location", vText(_location(activity)))
    event.add("url", f"{base_url}{activity.get_absolute_url()}")
    event.add("status", "CANCELLED" if activity.is_cancelled else "CONFIRMED")
    event.add("categories", [activity.format.name])
    return event


def activity_calendar(activity: Activity, *, base_url: str) -> bytes:
    """One activity; a course with every one of its meetings."""
    cal = _calendar(activity.title)
    cal.add_component(_event(activity, base_url=base_url))
    for session in activity.sessions.all():
        cal.add_component(_event(activity, base_url=base_url, session=session))
    return cal.to_ical()


def feed_calendar(activities, *, name: str, base_url: str) -> bytes:
    cal = _calendar(name)
    cal.add("refresh-interval;value=duration", "PT6H")
    for activity in activities:
        cal.add_component(_event(activity, base_url=base_url))
    return cal.to_ical()
