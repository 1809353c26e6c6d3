"""What the spaces part measures: the week of a branch's spaces, and the occupancy feed.

- ``branch-week``: ``GET /api/v1/spaces/availability?branch=&from=&to=``, the busy times of
  every space of a random branch for a random week (Monday 00:00 Europe/Amsterdam to the
  next Monday) within the five years the generated bookings cover (three behind today, two
  ahead) — issue 4's "availability of all spaces of a branch for a week";
- ``occupancy``: the open-data feed ``GET /api/v1/occupancy``, for the whole city or for one
  branch that has study zones.

Branch slugs come from the running server's own API (``/api/v1/branches`` and the feed
itself); every run sends the same seeded sequence of URLs. Neither endpoint is in the page
cache, so every request is answered afresh.
"""

import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from scenarios import Scenario
from server import get_json

TIME_ZONE = ZoneInfo("Europe/Amsterdam")
# The span of the generated bookings (ontmoet/demo/scale_bookings.py: DAYS_BEFORE/AFTER).
DAYS_BEFORE = 3 * 365
DAYS_AFTER = 2 * 365
TARGET_WEEK_MS = 30.0
TARGET_OCCUPANCY_MS = 10.0


def mondays(today: datetime.date) -> list[datetime.date]:
    """Every Monday whose week lies within the five years."""
    first = today - datetime.timedelta(days=DAYS_BEFORE)
    first += datetime.timedelta(days=-first.weekday() % 7)
    last = today + datetime.timedelta(days=DAYS_AFTER - 7)
    return [first + datetime.timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]


def week_url(branch: str, monday: datetime.date) -> str:
    """The week from Monday 00:00 local time, offsets included (+01:00 or, in summer,
    +02:00), URL-encoded."""
    start = datetime.datetime.combine(monday, datetime.time(), tzinfo=TIME_ZONE)
    end = datetime.datetime.combine(
        monday + datetime.timedelta(days=7), datetime.time(), tzinfo=TIME_ZONE
    )
    query = urlencode({"branch": branch, "from": start.isoformat(), "to": end.isoformat()})
    return f"/api/v1/spaces/availability?{query}"


def build(port: int, today: datetime.date | None = None) -> list[Scenario]:
    branches = [b["slug"] for b in get_json(port, "/api/v1/branches")]
    if not branches:
        raise RuntimeError("the API lists no branches; is the demo loaded?")
    with_zones = sorted({zone["branch"] for zone in get_json(port, "/api/v1/occupancy")})
    if not with_zones:
        raise RuntimeError("the occupancy feed lists no study zones; is the demo loaded?")
    weeks = mondays(today or datetime.datetime.now(TIME_ZONE).date())

    floor = Scenario("floor", "floor: GET /healthz", None, {"/healthz": lambda r: "/healthz"})
    week = Scenario(
        "branch-week",
        "a branch's spaces for a week /api/v1/spaces/availability",
        TARGET_WEEK_MS,
        {
            "/api/v1/spaces/availability?branch=&from=&to=": lambda r: week_url(
                r.choice(branches), r.choice(weeks)
            )
        },
    )
    occupancy = Scenario(
        "occupancy",
        "occupancy feed /api/v1/occupancy",
        TARGET_OCCUPANCY_MS,
        {
            "/api/v1/occupancy": lambda r: "/api/v1/occupancy",
            "/api/v1/occupancy?branch=": lambda r: (
                f"/api/v1/occupancy?{urlencode({'branch': r.choice(with_zones)})}"
            ),
        },
    )
    return [floor, week, occupancy]
