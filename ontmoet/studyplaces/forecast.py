"""The busy-hours forecast: how full a zone usually is on a weekday, hour by hour, from the
history of the last weeks (``ZoneHour``). An average of what was seen, nothing cleverer:
residents read it as "usually", and it follows the library's own rhythm of term times,
exams and holidays within a few weeks."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Sum

from .models import StudyZone, ZoneHour

# How far back the forecast looks: long enough to smooth out one odd day, short enough to
# follow the season.
FORECAST_WEEKS = 8


@dataclass(frozen=True)
class HourForecast:
    hour: int
    present: int  # people usually there (the average of that hour's peaks)
    seats: int

    @property
    def share(self) -> int:
        """Percentage of seats usually taken."""
        return min(100, round(100 * self.present / self.seats)) if self.seats else 0


def zone_busy_hours(
    *, zones: list[StudyZone], weekday: int, today: datetime.date, weeks: int = FORECAST_WEEKS
) -> dict[int, list[HourForecast]]:
    """Per zone id, the hours of ``weekday`` with history, in order (one query)."""
    seats = {zone.pk: zone.seats for zone in zones}
    out: dict[int, list[HourForecast]] = {zone.pk: [] for zone in zones}
    rows = (
        ZoneHour.objects.filter(
            zone_id__in=list(seats),
            weekday=weekday,
            day__gte=today - datetime.timedelta(weeks=weeks),
            day__lt=today,
        )
        .values_list("zone_id", "hour")
        .annotate(total=Sum("present"), days=Count("id"))
        .order_by("zone_id", "hour")
    )
    for zone_id, hour, total, days in rows:
        out[zone_id].append(HourForecast(hour, round(total / days), seats[zone_id]))
    return out


def branch_busy_hours(by_zone: dict[int, list[HourForecast]]) -> list[HourForecast]:
    """The zones of a branch taken together, hour by hour."""
    present: dict[int, int] = defaultdict(int)
    seats: dict[int, int] = defaultdict(int)
    for hours in by_zone.values():
        for h in hours:
            present[h.hour] += h.present
            seats[h.hour] += h.seats
    return [HourForecast(hour, present[hour], seats[hour]) for hour in sorted(present)]
