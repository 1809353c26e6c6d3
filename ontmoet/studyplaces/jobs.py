"""Periodic work of study places: release seats nobody checked in to, erase the names and
addresses of seat bookings whose slot is over (the anonymous rows stay), and keep the hourly
occupancy history the busy-hours forecast is made from."""

import datetime

from django.db import transaction
from django.utils import timezone

from .models import CHECK_IN_GRACE, SeatBooking, ZoneHour
from .selectors import occupancy


def release_no_shows(now: datetime.datetime | None = None) -> int:
    now = now or timezone.now()
    # Both moments, as in SeatBooking.check_in_closes_at: a seat booked in a running slot
    # has its own half hour.
    return SeatBooking.objects.filter(
        status=SeatBooking.Status.BOOKED,
        starts_at__lt=now - CHECK_IN_GRACE,
        created_at__lt=now - CHECK_IN_GRACE,
    ).update(status=SeatBooking.Status.RELEASED, ended_at=now, updated_at=now)


def erase_after_slot(now: datetime.datetime | None = None) -> int:
    now = now or timezone.now()
    return SeatBooking.objects.filter(ends_at__lte=now, erased_at__isnull=True).update(
        name="", email="", erased_at=now, updated_at=now
    )


def record_zone_hours(now: datetime.datetime | None = None) -> int:
    """Sample the occupancy of every zone whose branch is open now into this hour's history
    (the highest sample of the hour stays): what the busy-hours forecast learns from."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    day, hour = local.date(), local.hour
    rows = [
        ZoneHour(zone=o.zone, day=day, weekday=day.weekday(), hour=hour, present=o.present)
        for o in occupancy(now=now)
        if o.branch_open
    ]
    if not rows:
        return 0
    with transaction.atomic():
        seen = dict(
            ZoneHour.objects.filter(
                zone_id__in=[r.zone_id for r in rows], day=day, hour=hour
            ).values_list("zone_id", "present")
        )
        for row in rows:
            row.present = max(row.present, seen.get(row.zone_id, 0))
        ZoneHour.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["zone", "day", "hour"],
            update_fields=["present"],
        )
    return len(rows)
