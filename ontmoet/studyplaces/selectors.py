"""Reads of study places: the slots of a zone on a day, and live occupancy."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Least
from django.utils import timezone

from ontmoet.venues.selectors import open_at, opening_day

from .models import SLOT_MINUTES_MAX, SeatBooking, StudyZone, ZoneCount


@dataclass(frozen=True)
class Slot:
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    booked: int
    free: int


def slot_times(
    zone: StudyZone, day: datetime.date
) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """The zone's slots on ``day``: from each opening of the branch, ``slot_minutes`` long,
    the last one ending at closing time."""
    return slots_in(opening_day(zone.branch, day).periods, day, zone.slot_minutes)


def slots_in(periods, day: datetime.date, minutes: int):
    """The slots of ``minutes`` within the opening ``periods`` of ``day``, in order."""
    step = datetime.timedelta(minutes=minutes)
    out = []
    for opens, closes in periods:
        start = timezone.make_aware(datetime.datetime.combine(day, opens))
        close = timezone.make_aware(datetime.datetime.combine(day, closes))
        while start < close:
            out.append((start, min(start + step, close)))
            start += step
    return out


def zone_slots(zone: StudyZone, day: datetime.date) -> list[Slot]:
    times = slot_times(zone, day)
    if not times:
        return []
    booked = dict(
        SeatBooking.objects.filter(
            zone=zone,
            status__in=SeatBooking.HOLDING,
            starts_at__gte=times[0][0],
            starts_at__lt=times[-1][1],
        )
        .values_list("starts_at")
        .annotate(n=Count("id"))
    )
    return [
        Slot(s, e, booked.get(s, 0), max(0, zone.bookable_seats - booked.get(s, 0)))
        for s, e in times
    ]


@dataclass(frozen=True)
class Occupancy:
    zone: StudyZone
    present: int  # people there now, as far as we know
    free: int
    branch_open: bool  # the zone's branch, now

    @property
    def share(self) -> int:
        """Percentage of seats taken."""
        return round(100 * self.present / self.zone.seats) if self.zone.seats else 0


# A count by staff or a counter stands for this long; after it, the check-ins speak.
COUNT_VALID = datetime.timedelta(minutes=60)
# No seat booking is longer than a zone's longest slot (``StudyZone.slot_minutes``' limit).
LONGEST_SLOT = datetime.timedelta(minutes=SLOT_MINUTES_MAX)


def _checked_in(now: datetime.datetime):
    """The seats checked in now, per zone (``OuterRef("pk")``), as an annotation. A subquery
    over the index (zone, starts_at, status), bounded below by the longest slot: a year of
    past bookings costs no more to skip than a day's."""
    seats = (
        SeatBooking.objects.filter(
            zone=OuterRef("pk"),
            status=SeatBooking.Status.CHECKED_IN,
            starts_at__gt=now - LONGEST_SLOT,
            starts_at__lte=now,
            ends_at__gt=now,
        )
        .order_by()
        .values("zone")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(seats, output_field=IntegerField()), Value(0))


def _present(now: datetime.datetime):
    """The people in a zone now (``OuterRef("pk")``), as an annotation: the latest count if
    it is recent (by staff or a door counter), else the seats checked in; never more than
    the zone's seats. One statement with the zones: the feed is polled."""
    latest_count = (
        ZoneCount.objects.filter(
            zone=OuterRef("pk"), recorded_at__gt=now - COUNT_VALID, recorded_at__lte=now
        )
        .order_by("-recorded_at", "-pk")
        .values("present")[:1]
    )
    present = Coalesce(Subquery(latest_count, output_field=IntegerField()), _checked_in(now))
    return Least(present, F("seats"), output_field=IntegerField())


def _branch_open(now: datetime.datetime):
    """Whether the zone's branch is open now, as an annotation."""
    return open_at(now, model=StudyZone, branch_field="branch")


def occupancy(*, branch=None, now: datetime.datetime | None = None) -> list[Occupancy]:
    """Per zone (of one branch, or all): the people there now. Anonymous numbers only."""
    now = now or timezone.now()
    zones = StudyZone.objects.select_related("branch").order_by("branch__name", "name")
    if branch is not None:
        zones = zones.filter(branch=branch)
    zones = zones.annotate(present_now=_present(now), open_now=_branch_open(now))
    return [Occupancy(z, z.present_now, z.seats - z.present_now, z.open_now) for z in zones]


def occupancy_feed(*, branch_slug: str | None = None, now=None) -> list[dict]:
    """The rows of the open-data feed: ``occupancy``'s numbers with only the columns the
    feed shows, read without building model objects (apps and displays poll it). While a
    branch is closed no seat is free, whoever the counts still see inside."""
    now = now or timezone.now()
    zones = StudyZone.objects.order_by("branch__name", "name")
    if branch_slug is not None:
        zones = zones.filter(branch__slug=branch_slug)
    rows = zones.annotate(present_now=_present(now), open_now=_branch_open(now)).values_list(
        "pk", "name", "kind", "branch__slug", "seats", "present_now", "open_now"
    )
    return [
        {
            "zone": pk,
            "name": name,
            "kind": kind,
            "branch": branch,
            "open": is_open,
            "seats": seats,
            "present": present,
            "free": seats - present if is_open else 0,
        }
        for pk, name, kind, branch, seats, present, is_open in rows
    ]
