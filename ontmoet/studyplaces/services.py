"""Writes to study places. A seat is booked inside one transaction that holds the zone's
lock (its row on PostgreSQL; the database's write lock on SQLite), so the seats booked in a
slot never exceed the zone's bookable seats however many ask at once.

Fairness: one email address books at most ``max_hours_per_day`` hours a day in the zone's
branch. Checking in opens a quarter before the slot and closes ``CHECK_IN_GRACE`` after its
start (or after the booking, for a seat booked in a running slot); the release job gives
seats not checked in by then to others. Checking in needs proof of being at the zone: its
QR poster's address, or the short code printed on it.
"""

import datetime
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.accounts import scoping
from ontmoet.core.audit import audit_record
from ontmoet.core.writer_turn import writer_turn
from ontmoet.registrations.tokens import digest

from .models import (
    CHECK_IN_EARLY,
    CounterDevice,
    SeatBooking,
    StudyZone,
    ZoneCount,
)
from .selectors import slot_times
from .tasks import send_seat_mail

# A seat can be booked this many days ahead.
HORIZON_DAYS = 7
# The longest name of a door counter (its column's length).
NAME_MAX = CounterDevice._meta.get_field("name").max_length


class SeatRefused(Exception):
    """The request is understood but cannot be honoured (HTTP 409)."""

    def __init__(self, code: str, message):
        super().__init__(str(message))
        self.code, self.message = code, message


def seat_book(
    *, zone: StudyZone, starts_at: datetime.datetime, name: str, email: str, language="nl"
) -> SeatBooking:
    """Book a seat in the zone's slot that starts at ``starts_at``. The returned booking
    carries its secret link token as ``.token`` (only its digest is stored)."""
    now = timezone.now()
    email = email.strip().lower()
    if not name.strip() or not email:
        raise ValidationError({"email": _("Enter your name and email address.")})
    day = timezone.localdate(starts_at)
    slot = next(((s, e) for s, e in slot_times(zone, day) if s == starts_at), None)
    if slot is None:
        raise ValidationError({"starts_at": _("Choose one of the zone's slots.")})
    if slot[1] <= now:
        raise ValidationError({"starts_at": _("This slot is over.")})
    if day > timezone.localdate(now) + datetime.timedelta(days=HORIZON_DAYS):
        raise ValidationError(
            {
                "starts_at": _("Seats can be booked at most %(days)d days ahead.")
                % {"days": HORIZON_DAYS}
            }
        )
    token = secrets.token_urlsafe(18)
    booking = SeatBooking(
        zone=zone,
        starts_at=slot[0],
        ends_at=slot[1],
        name=name.strip()[:150],
        email=email,
        language=language,
        token_digest=digest(token),
    )
    booking.full_clean(exclude=["zone"], validate_constraints=False)
    with writer_turn(), transaction.atomic():
        list(StudyZone.objects.select_for_update(no_key=True).filter(pk=zone.pk).values("pk"))
        holding = SeatBooking.objects.filter(status__in=SeatBooking.HOLDING)
        if holding.filter(zone=zone, starts_at=slot[0]).count() >= zone.bookable_seats:
            raise SeatRefused("full", _("All bookable seats of this slot are taken."))
        if holding.filter(zone=zone, starts_at=slot[0], email=email).exists():
            raise SeatRefused("duplicate", _("You already have a seat in this slot."))
        _check_fair_share(zone, email, day, slot)
        booking.save()
        transaction.on_commit(lambda: send_seat_mail(booking.pk, token))
    booking.token = token
    return booking


def _check_fair_share(zone: StudyZone, email: str, day: datetime.date, slot) -> None:
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(0)))
    booked = SeatBooking.objects.filter(
        zone__branch_id=zone.branch_id,
        email=email,
        status__in=SeatBooking.HOLDING,
        starts_at__gte=start,
        starts_at__lt=start + datetime.timedelta(days=1),
    ).annotate(length=F("ends_at") - F("starts_at")).aggregate(total=Sum("length"))[
        "total"
    ] or datetime.timedelta(0)
    if booked + (slot[1] - slot[0]) > datetime.timedelta(hours=zone.max_hours_per_day):
        raise SeatRefused(
            "fair_share",
            _("You can book at most %(hours)d hours a day here, so others get a seat too.")
            % {"hours": zone.max_hours_per_day},
        )


def seat_by_token(token: str) -> SeatBooking | None:
    if not isinstance(token, str) or not 10 <= len(token) <= 64:
        return None
    return (
        SeatBooking.objects.select_related("zone__branch")
        .filter(token_digest=digest(token))
        .first()
    )


def seat_check_in(*, booking: SeatBooking, now: datetime.datetime | None = None) -> SeatBooking:
    now = now or timezone.now()
    if booking.status == SeatBooking.Status.CHECKED_IN:
        return booking
    if booking.status != SeatBooking.Status.BOOKED:
        raise SeatRefused("ended", _("This booking has ended; the seat went to someone else."))
    if now < booking.starts_at - CHECK_IN_EARLY:
        raise SeatRefused("early", _("Checking in opens a quarter of an hour before your slot."))
    if now > booking.check_in_closes_at:
        raise SeatRefused(
            "late", _("Checking in closed half an hour after the start of your slot.")
        )
    updated = SeatBooking.objects.filter(pk=booking.pk, status=SeatBooking.Status.BOOKED).update(
        status=SeatBooking.Status.CHECKED_IN, checked_in_at=now, updated_at=now
    )
    if not updated:  # released a moment ago
        raise SeatRefused("ended", _("This booking has ended; the seat went to someone else."))
    booking.status, booking.checked_in_at = SeatBooking.Status.CHECKED_IN, now
    return booking


def seat_check_in_at_zone(*, zone: StudyZone, email: str) -> SeatBooking:
    """Check in from the QR code at the zone: the booking of this address in this zone whose
    check-in is open now."""
    now = timezone.now()
    booking = (
        SeatBooking.objects.filter(
            zone=zone,
            email=email.strip().lower(),
            status__in=SeatBooking.HOLDING,
            starts_at__lte=now + CHECK_IN_EARLY,
            ends_at__gt=now,
        )
        .order_by("starts_at")
        .first()
    )
    if booking is None:
        raise SeatRefused("none", _("No seat of yours in this zone now."))
    return seat_check_in(booking=booking, now=now)


def seat_cancel(*, booking: SeatBooking) -> SeatBooking:
    if booking.status in SeatBooking.HOLDING:
        now = timezone.now()
        SeatBooking.objects.filter(pk=booking.pk).update(
            status=SeatBooking.Status.CANCELLED, ended_at=now, updated_at=now
        )
        booking.status = SeatBooking.Status.CANCELLED
    return booking


def zone_count_record(
    *, actor, zone: StudyZone, present: int, now: datetime.datetime | None = None
) -> ZoneCount:
    """Staff count the people in a zone; the count stands for the live occupancy a while."""
    if not scoping.can_edit_branch(actor, zone.branch_id):
        raise PermissionDenied("Not your branch.")
    if not 0 <= present <= zone.seats * 2:
        raise ValidationError({"present": _("Count between 0 and %(n)d.") % {"n": zone.seats * 2}})
    count = ZoneCount.objects.create(
        zone=zone, present=present, source=ZoneCount.Source.STAFF, recorded_at=now or timezone.now()
    )
    audit_record(
        actor=actor,
        code="studyplaces.zone.counted",
        target=zone,
        changes={"present": [None, present]},
    )
    return count


def counter_token_create(*, zone: StudyZone, name: str, actor=None) -> tuple[CounterDevice, str]:
    """A new door counter for ``zone``; the token is returned once and never stored. Staff
    (``actor``) may do this only in a branch they plan for; the command line has no actor."""
    if actor is not None and not scoping.can_edit_branch(actor, zone.branch_id):
        raise PermissionDenied("Not your branch.")
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the counter a name, such as where it hangs.")})
    if "\x00" in name:
        raise ValidationError({"name": _("The name may not contain NUL characters.")})
    if len(name) > NAME_MAX:
        raise ValidationError(
            {"name": _("Keep the name to %(n)d characters at most.") % {"n": NAME_MAX}}
        )
    token = secrets.token_urlsafe(24)
    device = CounterDevice.objects.create(zone=zone, name=name, token_digest=digest(token))
    if actor is not None:
        audit_record(actor=actor, code="studyplaces.counter.created", target=device, changes={})
    return device, token


def counter_deactivate(*, actor, device: CounterDevice) -> CounterDevice:
    """Switch a counter off (lost, replaced, or its token leaked): its token stops working."""
    if not scoping.can_edit_branch(actor, device.zone.branch_id):
        raise PermissionDenied("Not your branch.")
    if device.is_active:
        device.is_active = False
        device.save(update_fields=["is_active", "updated_at"])
        audit_record(
            actor=actor,
            code="studyplaces.counter.deactivated",
            target=device,
            changes={"is_active": [True, False]},
        )
    return device


def counter_by_token(token: str) -> CounterDevice | None:
    if not isinstance(token, str) or not 20 <= len(token) <= 64:
        return None
    return (
        CounterDevice.objects.select_related("zone")
        .filter(token_digest=digest(token), is_active=True)
        .first()
    )


def counter_event_record(
    *, device: CounterDevice, entered: int, left: int, now: datetime.datetime | None = None
) -> ZoneCount:
    """People in and out since the counter's last report, added to the zone's latest count
    of the day, whoever made it: a staff count puts a drifting total right (a missed exit
    otherwise keeps counting as someone inside), and the zone's doors share one total. The
    count starts from zero each day (counters lose track overnight) and never goes below
    zero."""
    now = now or timezone.now()
    for name, value in (("entered", entered), ("left", left)):
        if not 0 <= value <= 10_000:
            raise ValidationError({name: _("Give a number between 0 and 10,000.")})
    midnight = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate(now), datetime.time(0))
    )
    with writer_turn(), transaction.atomic():
        zone = StudyZone.objects.select_for_update(no_key=True).get(pk=device.zone_id)
        latest = (
            ZoneCount.objects.filter(zone=zone, recorded_at__gte=midnight, recorded_at__lte=now)
            .order_by("-recorded_at", "-id")
            .values_list("present", flat=True)
            .first()
        ) or 0
        count = ZoneCount.objects.create(
            zone=zone,
            present=max(0, latest + entered - left),
            source=ZoneCount.Source.COUNTER,
            recorded_at=now,
        )
        CounterDevice.objects.filter(pk=device.pk).update(last_seen_at=now)
    return count
