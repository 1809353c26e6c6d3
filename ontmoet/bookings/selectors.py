"""Reads of room bookings: overlaps and the free and busy time of spaces.

A booking overlaps the window [start, end) when it is held from before ``end`` until after
``start``. Asked like that, the database could only walk all earlier bookings of the space.
But a booking that is not long (held for at most ``LONG_BLOCK``) and overlaps the window
also began after ``start - LONG_BLOCK``: a short range scan of the (space, blocked_from)
index. The few long ones (exhibitions) are found through a partial index of their own.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q

from ontmoet.venues.models import Space

from .models import LONG_BLOCK, Booking


def overlapping(
    *,
    space_ids: Iterable[int],
    start: datetime.datetime,
    end: datetime.datetime,
    statuses: Iterable[str] = Booking.LIVE,
):
    recent = Q(blocked_from__gt=start - LONG_BLOCK)
    return Booking.objects.filter(
        recent | Q(is_long=True),
        space_id__in=list(space_ids),
        status__in=list(statuses),
        blocked_from__lt=end,
        blocked_until__gt=start,
    ).order_by("space_id", "blocked_from", "id")


@dataclass(frozen=True)
class Busy:
    """A time a space is held, as shown to whoever asks about availability."""

    starts_at: datetime.datetime
    ends_at: datetime.datetime
    status: str
    title: str
    booking_id: int


def space_availability(
    *, spaces: list[Space], start: datetime.datetime, end: datetime.datetime, public: bool
) -> dict[int, list[Busy]]:
    """Busy times per space id within [start, end), in order. ``public`` hides titles (a
    resident or partner sees that a room is taken, not by whom)."""
    busy: dict[int, list[Busy]] = {space.pk: [] for space in spaces}
    rows = overlapping(space_ids=busy, start=start, end=end).values_list(
        "space_id", "blocked_from", "blocked_until", "status", "title", "id"
    )
    for space_id, held_from, held_until, status, title, pk in rows:
        busy[space_id].append(
            Busy(max(held_from, start), min(held_until, end), status, "" if public else title, pk)
        )
    return busy
