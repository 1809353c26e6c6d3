"""Study and work places: zones of a branch with a number of seats, part of them bookable
per time slot, the rest for whoever walks in.

A resident books a seat in a slot without an account and checks in at the zone (the link
or QR code in the confirmation) within ``CHECK_IN_GRACE`` of the slot's start; a seat not
checked in by then is released for someone else. The seats booked in a slot never exceed
the zone's bookable seats: the booking counts and writes under the zone's lock. The name
and address of a seat booking are erased once its slot is over; the anonymous row stays,
for occupancy history.
"""

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ontmoet.core.models import TimeStamped
from ontmoet.registrations.models import MESSAGE_LANGUAGES
from ontmoet.venues.models import Branch

# A booked seat not checked in this long after its slot began goes to someone else.
CHECK_IN_GRACE = datetime.timedelta(minutes=30)
# Checking in opens this long before the slot.
CHECK_IN_EARLY = datetime.timedelta(minutes=15)

# The longest slot a zone may have; a seat booking is one slot, so never longer either.
SLOT_MINUTES_MAX = 480


class StudyZone(TimeStamped):
    class Kind(models.TextChoices):
        QUIET = "quiet", _("quiet study")
        GROUP = "group", _("group work")
        COMPUTERS = "computers", _("computer places")

    branch = models.ForeignKey(
        Branch, verbose_name=_("branch"), on_delete=models.CASCADE, related_name="study_zones"
    )
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    seats = models.PositiveIntegerField(_("seats"), validators=[MinValueValidator(1)])
    bookable_seats = models.PositiveIntegerField(
        _("seats bookable per slot"),
        default=0,
        help_text=_("The rest is for whoever walks in."),
    )
    slot_minutes = models.PositiveSmallIntegerField(
        _("length of a slot (minutes)"),
        default=120,
        validators=[MinValueValidator(30), MaxValueValidator(SLOT_MINUTES_MAX)],
    )
    max_hours_per_day = models.PositiveSmallIntegerField(
        _("most hours one person may book per day"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )

    class Meta:
        verbose_name = _("study zone")
        verbose_name_plural = _("study zones")
        ordering = ["branch", "name"]
        constraints = [
            models.UniqueConstraint(fields=["branch", "name"], name="study_zone_name_per_branch"),
            models.CheckConstraint(
                condition=Q(bookable_seats__lte=F("seats")), name="study_zone_bookable_le_seats"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.branch.name})"


class SeatBooking(TimeStamped):
    class Status(models.TextChoices):
        BOOKED = "booked", _("booked")
        CHECKED_IN = "checked_in", _("checked in")
        RELEASED = "released", _("released (no check-in)")
        CANCELLED = "cancelled", _("cancelled")

    # The statuses that hold a seat in the slot.
    HOLDING = (Status.BOOKED, Status.CHECKED_IN)

    zone = models.ForeignKey(
        StudyZone, verbose_name=_("zone"), on_delete=models.CASCADE, related_name="seat_bookings"
    )
    starts_at = models.DateTimeField(_("slot starts at"))
    ends_at = models.DateTimeField(_("slot ends at"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.BOOKED
    )
    name = models.CharField(_("name"), max_length=150, blank=True)
    email = models.EmailField(_("email address"), max_length=254, blank=True)
    language = models.CharField(
        _("language for messages"), max_length=2, choices=MESSAGE_LANGUAGES, default="nl"
    )
    # SHA-256 of the secret in the booking's link (check in, cancel); the secret is not kept.
    token_digest = models.CharField(_("link digest"), max_length=64, unique=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("released or cancelled at"), null=True, blank=True)
    erased_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)

    class Meta:
        verbose_name = _("seat booking")
        verbose_name_plural = _("seat bookings")
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["zone", "starts_at", "status"], name="seat_booking_slot"),
            models.Index(fields=["email", "starts_at"], name="seat_booking_person"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="seat_booking_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.zone} · {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def check_in_closes_at(self) -> datetime.datetime:
        """Half an hour after the slot's start or, for a seat booked once the slot had
        begun, after the booking: a seat booked at 10:45 in the 10:00 slot can still be
        taken."""
        return max(self.starts_at, self.created_at or self.starts_at) + CHECK_IN_GRACE


class ZoneCount(models.Model):
    """How many people were in a zone at a moment, counted by staff (or, later, a door
    counter). Anonymous: a number, never who."""

    class Source(models.TextChoices):
        STAFF = "staff", _("counted by staff")
        COUNTER = "counter", _("door counter")

    zone = models.ForeignKey(
        StudyZone, verbose_name=_("zone"), on_delete=models.CASCADE, related_name="counts"
    )
    present = models.PositiveIntegerField(_("people present"))
    source = models.CharField(_("source"), max_length=16, choices=Source.choices)
    recorded_at = models.DateTimeField(_("counted at"), db_index=True)

    class Meta:
        verbose_name = _("zone count")
        verbose_name_plural = _("zone counts")
        ordering = ["-recorded_at"]
        indexes = [models.Index(fields=["zone", "recorded_at"], name="zone_count_latest")]

    def __str__(self) -> str:
        return f"{self.zone}: {self.present} @ {self.recorded_at:%Y-%m-%d %H:%M}"


class CounterDevice(TimeStamped):
    """A people counter at a zone's entrance. It reports with a secret token, of which only
    the SHA-256 is stored (staff add one on the study places page, or ``manage.py
    counter_token``)."""

    zone = models.ForeignKey(
        StudyZone, verbose_name=_("zone"), on_delete=models.CASCADE, related_name="counters"
    )
    name = models.CharField(_("name"), max_length=120)
    token_digest = models.CharField(_("token digest"), max_length=64, unique=True)
    is_active = models.BooleanField(_("active"), default=True)
    last_seen_at = models.DateTimeField(_("last report at"), null=True, blank=True)

    class Meta:
        verbose_name = _("door counter")
        verbose_name_plural = _("door counters")

    def __str__(self) -> str:
        return f"{self.name} ({self.zone})"


class ZoneHour(models.Model):
    """The most people seen in a zone during one hour of one day (sampled every quarter by
    ``jobs.record_zone_hours``): the history the busy-hours forecast is made from.
    Anonymous: a number per zone and hour, never who."""

    zone = models.ForeignKey(
        StudyZone, verbose_name=_("zone"), on_delete=models.CASCADE, related_name="hours"
    )
    day = models.DateField(_("day"))
    # Kept beside the day so the forecast groups by it in plain SQL on every engine.
    weekday = models.PositiveSmallIntegerField(
        _("weekday"), validators=[MaxValueValidator(6)], help_text=_("Monday is 0.")
    )
    hour = models.PositiveSmallIntegerField(_("hour"), validators=[MaxValueValidator(23)])
    present = models.PositiveIntegerField(_("most people present"))

    class Meta:
        verbose_name = _("zone hour")
        verbose_name_plural = _("zone hours")
        constraints = [
            models.UniqueConstraint(fields=["zone", "day", "hour"], name="zone_hour_once"),
        ]
        indexes = [
            models.Index(fields=["zone", "weekday", "day"], name="zone_hour_forecast"),
        ]

    def __str__(self) -> str:
        return f"{self.zone}: {self.present} @ {self.day} {self.hour}:00"
