"""Reads of registrations: availability for the public pages and API, a registration by its
secret link, and staff lists."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from ontmoet.programme.models import Activity

from .capacity import waitlist_position
from .models import AccessToken, LotteryDraw, Registration, Tally
from .tokens import digest, looks_like_token

__all__ = ["waitlist_position"]


@dataclass(frozen=True)
class Availability:
    capacity: int | None
    seats_available: int | None
    waitlist_length: int
    version: int

    @property
    def is_full(self) -> bool:
        return self.seats_available == 0


def availability(activity: Activity) -> Availability:
    tally = Tally.objects.filter(pk=activity.pk).first() or Tally()
    return _availability(activity, tally)


def _availability(activity: Activity, tally: Tally) -> Availability:
    return Availability(
        capacity=activity.capacity,
        seats_available=tally.seats_available(activity.capacity),
        waitlist_length=tally.waitlisted_entries,
        version=tally.version,
    )


def availability_many(activities) -> dict[int, Availability]:
    tallies = Tally.objects.in_bulk([a.pk for a in activities])
    return {a.pk: _availability(a, tallies.get(a.pk) or Tally()) for a in activities}


def places_version(pk: int, **_) -> int:
    """Part of the cache key of pages that show an activity's places (``cache_public_page``'s
    ``vary``: it gets the view's arguments)."""
    row = Tally.objects.filter(pk=pk).values_list("version", flat=True).first()
    return row or 0


def registration_by_token(token: str) -> Registration | None:
    """The registration a secret link opens, or None; erased ones open nothing."""
    if not looks_like_token(token):
        return None
    row = (
        AccessToken.objects.filter(digest=digest(token), registration__erased_at__isnull=True)
        .select_related("registration__activity__branch", "registration__activity__space")
        .first()
    )
    return row.registration if row else None


def lottery_state(activity: Activity) -> dict | None:
    """For pages: the draw (once made) and when registration closes; None without lottery."""
    if activity.allocation != Activity.Allocation.LOTTERY:
        return None
    return {
        "draw": LotteryDraw.objects.filter(pk=activity.pk).first(),
        "closes_at": activity.registration_closes_at,
    }


def erasure_date(activity: Activity) -> datetime.date:
    moment = activity.ends_at + datetime.timedelta(days=activity.erase_after_days)
    return timezone.localtime(moment).date()


def registrations_for_staff(activity: Activity):
    return Registration.objects.filter(activity=activity).order_by("status", "position", "id")


def attendance(activity: Activity) -> dict[str, int]:
    """Anonymous counts for reporting; they survive the erasure of personal data."""
    rows = Registration.objects.filter(activity=activity).values_list(
        "status", "seats", "checked_in_at", "position"
    )
    counts = dict.fromkeys(
        ["registered", "seats", "waitlisted_ever", "attended", "attended_seats", "no_shows"], 0
    )
    started = timezone.now() >= activity.starts_at
    for status, seats, checked_in_at, position in rows:
        counts["registered"] += 1
        counts["waitlisted_ever"] += position is not None
        if status in Registration.HOLDING:
            counts["seats"] += seats
            if checked_in_at:
                counts["attended"] += 1
                counts["attended_seats"] += seats
            elif started:
                counts["no_shows"] += 1
    tally = Tally.objects.filter(pk=activity.pk).first()
    counts["walk_ins"] = tally.walk_ins if tally else 0
    return counts
