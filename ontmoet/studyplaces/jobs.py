"""Periodic work of study places: release seats nobody checked in to, and erase the names
and addresses of seat bookings whose slot is over (the anonymous rows stay)."""

import datetime

from django.utils import timezone

from .models import CHECK_IN_GRACE, SeatBooking


def release_no_shows(now: datetime.datetime | None = None) -> int:
    now = now or timezone.now()
    return SeatBooking.objects.filter(
        status=SeatBooking.Status.BOOKED, starts_at__lt=now - CHECK_IN_GRACE
    ).update(status=SeatBooking.Status.RELEASED, ended_at=now, updated_at=now)


def erase_after_slot(now: datetime.datetime | None = None) -> int:
    now = now or timezone.now()
    return SeatBooking.objects.filter(ends_at__lte=now, erased_at__isnull=True).update(
        name="", email="", erased_at=now, updated_at=now
    )
