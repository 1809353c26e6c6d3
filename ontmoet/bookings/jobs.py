"""Periodic work on room bookings: requests that lapse, and requesters' personal data
erased once their booking is over (the booking itself stays, as anonymous use of the space).
"""

import datetime

from django.db import transaction
from django.utils import timezone

from .models import Booking
from .services import tell_requester

# A requester's name, address and needs are kept this long after the booking ends.
ERASE_AFTER = datetime.timedelta(days=30)


def lapse_requests(now: datetime.datetime | None = None) -> int:
    """Tentative requests nobody decided on in time are declined, and the requester told."""
    now = now or timezone.now()
    lapsed = 0
    for booking in Booking.objects.filter(
        status=Booking.Status.TENTATIVE, hold_expires_at__lte=now
    ):
        with transaction.atomic():
            updated = Booking.objects.filter(pk=booking.pk, status=Booking.Status.TENTATIVE).update(
                status=Booking.Status.DECLINED,
                decided_at=now,
                decision_reason="lapsed",
                updated_at=now,
            )
            if updated:
                tell_requester(booking, "lapsed")
                lapsed += updated
    return lapsed


def erase_requesters(now: datetime.datetime | None = None) -> int:
    now = now or timezone.now()
    return (
        Booking.objects.filter(ends_at__lte=now - ERASE_AFTER, erased_at__isnull=True)
        .exclude(requester_email="", requester_name="")
        .update(
            requester_name="", requester_email="", needs="", notes="", erased_at=now, updated_at=now
        )
    )
