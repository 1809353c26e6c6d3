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
from django.utils import timezone

from ontmoet.venues.models import Space
from ontmoet.venues.selectors import DayHours, opening_day, opening_week_from

from .models import LONG_BLOCK, Booking


def overlapping(
    *,
    space_ids: Iterable[int],
    start: datetime.datetime,
    end: datetime.datetime,
    statuses: Iterable[str] = Booking.LIVE,
):
    # Every condition is repeated inside both arms of the OR: SQLite then scans each index
    # over its own range (a window in 2028 costs what one in 2023 does) instead of reading
    # a space's bookings from the first one up to ``end``.
    common = Q(
        space_id__in=list(space_ids),
        status__in=list(statuses),
        blocked_from__lt=end,
        blocked_until__gt=start,
    )
    recent = common & Q(blocked_from__gt=start - LONG_BLOCK)
    return Booking.objects.filter(recent | (common & Q(is_long=True))).order_by(
        "space_id", "blocked_from", "id"
    )


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


@dataclass(frozen=True)
class Entry:
    """One thing in a space on the planning grid: a booking, clipped to the day. A booking
    held for days (an exhibition) says so: ``from_earlier`` when it was already held at
    the day's start, ``until_later`` when it is still held at its end."""

    booking: Booking
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    from_earlier: bool = False
    until_later: bool = False


def _entry(booking: Booking, day_start: datetime.datetime, day_end: datetime.datetime) -> Entry:
    return Entry(
        booking,
        max(booking.blocked_from, day_start),
        min(booking.blocked_until, day_end),
        from_earlier=booking.blocked_from < day_start,
        until_later=booking.blocked_until > day_end,
    )


@dataclass
class Cell:
    space: Space
    hour: int
    entries: list[Entry]
    # The branch is not open for the whole hour: booking it needs a reason (staff only).
    closed: bool = False


@dataclass
class DayPlan:
    spaces: list[Space]
    rows: list[tuple[int, list[Cell]]]  # per hour: one cell per space
    entries: dict[int, list[Entry]]  # per space id: the day's bookings in order
    opening: DayHours | None = None  # the branch's hours that day


def branch_day(*, branch, day: datetime.date, first_hour: int = 8, last_hour: int = 22):
    """The planning grid of one branch for one local day: per hour from ``first_hour`` to
    ``last_hour`` and per space, what holds it (tentative holds included); two queries."""
    start, end = _local(day, 0), _local(day + datetime.timedelta(days=1), 0)
    spaces = list(Space.objects.filter(branch=branch).order_by("name"))
    bookings = overlapping(space_ids=[s.pk for s in spaces], start=start, end=end)
    entries: dict[int, list[Entry]] = {s.pk: [] for s in spaces}
    for booking in bookings.select_related("activity"):
        entries[booking.space_id].append(_entry(booking, start, end))
    opening = opening_day(branch, day)
    rows = []
    for hour in range(first_hour, last_hour):
        # By the local clock: a day of a change to or from summer time has 23 or 25 hours.
        slot_from, slot_until = _local(day, hour), _local(day, hour + 1)
        closed = not _open_all_hour(opening, hour)
        cells = [
            Cell(
                space,
                hour,
                [
                    e
                    for e in entries[space.pk]
                    if e.starts_at < slot_until and slot_from < e.ends_at
                ],
                closed,
            )
            for space in spaces
        ]
        rows.append((hour, cells))
    return DayPlan(spaces, rows, entries, opening)


def _open_all_hour(opening: DayHours, hour: int) -> bool:
    """Is the branch open from ``hour``:00 to the next hour, as a booking of it needs?"""
    return any(
        _minutes(opens) <= hour * 60 and (hour + 1) * 60 <= _minutes(closes)
        for opens, closes in opening.periods
    )


def _minutes(moment: datetime.time) -> int:
    return moment.hour * 60 + moment.minute


@dataclass
class DayCell:
    entries: list[Entry]
    closed: bool  # the branch is closed all day


@dataclass
class WeekPlan:
    days: list[datetime.date]
    rows: list[tuple[Space, list[DayCell]]]  # per space: per day, its bookings
    openings: list[DayHours]  # per day: the branch's hours (no periods: closed)


def branch_week(*, branch, first_day: datetime.date) -> WeekPlan:
    """Seven days from ``first_day``: per space and day, what holds it (one query), and the
    branch's hours on each day (three more)."""
    days = [first_day + datetime.timedelta(days=n) for n in range(7)]
    start, end = _local(days[0], 0), _local(days[-1] + datetime.timedelta(days=1), 0)
    spaces = list(Space.objects.filter(branch=branch).order_by("name"))
    cells = {(s.pk, day): [] for s in spaces for day in days}
    for booking in overlapping(space_ids=[s.pk for s in spaces], start=start, end=end):
        for day in days:
            day_start, day_end = _local(day, 0), _local(day + datetime.timedelta(days=1), 0)
            if booking.blocked_from < day_end and day_start < booking.blocked_until:
                cells[(booking.space_id, day)].append(_entry(booking, day_start, day_end))
    openings = opening_week_from(branch, first_day)
    return WeekPlan(
        days,
        [(s, [DayCell(cells[(s.pk, o.date)], o.is_closed) for o in openings]) for s in spaces],
        openings,
    )


def _local(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
