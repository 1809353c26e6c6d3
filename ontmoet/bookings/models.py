"""Room bookings: a space held for a time range, never by two confirmed bookings at once.

A booking holds its space from ``blocked_from`` (its start minus the set-up buffer) to
``blocked_until`` (its end plus the clean-up buffer); both are stored, so the rule and its
index work on plain columns. The rule — no two confirmed bookings of one space whose blocked
ranges overlap (half-open: one may end exactly when the next begins) — is kept twice:

- on PostgreSQL by the database itself, an exclusion constraint over (space, range) for
  confirmed bookings (migration 0001), so no code path can break it;
- on SQLite, which has no such constraint, by ``services`` checking and writing inside one
  IMMEDIATE transaction (every SQLite write transaction here is one), in which no other
  writer can slip between the check and the insert.

Rules per space (who may book, approval, longest booking, how far ahead, buffers) are a
``SpacePolicy``; a space without one is bookable by staff only, with the defaults below.
"""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ontmoet.core.models import TimeStamped
from ontmoet.programme.models import Activity
from ontmoet.registrations.models import MESSAGE_LANGUAGES
from ontmoet.venues.models import Space

# A booking held for longer than this (an exhibition, say) is "long". Availability looks
# back this far for the others, which keeps its query a short range scan of an index; the
# few long ones have an index of their own (see selectors).
LONG_BLOCK = datetime.timedelta(hours=24)
# The languages a requester can get our messages in: the same as a registrant's.
LANGUAGES = MESSAGE_LANGUAGES
# Nothing holds a space for longer than this: a longer range is a typing error.
LONGEST_BLOCK = datetime.timedelta(days=366)


class SpacePolicy(TimeStamped):
    class BookableBy(models.TextChoices):
        STAFF = "staff", _("staff only")
        PARTNERS = "partners", _("staff and partners")
        RESIDENTS = "residents", _("staff, partners and residents (on request)")

    space = models.OneToOneField(
        Space,
        verbose_name=_("space"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="booking_policy",
    )
    bookable_by = models.CharField(
        _("who may book"), max_length=16, choices=BookableBy.choices, default=BookableBy.STAFF
    )
    needs_approval = models.BooleanField(
        _("requests need approval"),
        default=True,
        help_text=_("Bookings by staff are always immediate."),
    )
    max_hours = models.PositiveSmallIntegerField(
        _("longest booking (hours)"),
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    horizon_days = models.PositiveSmallIntegerField(
        _("bookable how many days ahead"),
        default=365,
        validators=[MinValueValidator(1), MaxValueValidator(730)],
    )
    setup_minutes = models.PositiveSmallIntegerField(
        _("set-up time (minutes)"), default=15, validators=[MaxValueValidator(120)]
    )
    cleanup_minutes = models.PositiveSmallIntegerField(
        _("clean-up time (minutes)"), default=15, validators=[MaxValueValidator(120)]
    )

    class Meta:
        verbose_name = _("booking rules of a space")
        verbose_name_plural = _("booking rules of spaces")

    def __str__(self) -> str:
        return str(self.space)


class BookingSeries(TimeStamped):
    """A booking that repeats (a weekly language café): an RRULE (RFC 5545) over the local
    time of its first occurrence. Every occurrence is a ``Booking`` of its own, so one of
    them can be moved or cancelled (an exception) without touching the others."""

    space = models.ForeignKey(
        Space, verbose_name=_("space"), on_delete=models.PROTECT, related_name="booking_series"
    )
    title = models.CharField(_("title"), max_length=200)
    rule = models.CharField(_("repeat rule (RRULE)"), max_length=300)
    first_starts_at = models.DateTimeField(_("first occurrence starts at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("repeating booking")
        verbose_name_plural = _("repeating bookings")

    def __str__(self) -> str:
        return f"{self.title} · {self.rule}"


class Booking(TimeStamped):
    class Status(models.TextChoices):
        TENTATIVE = "tentative", _("tentative (requested)")
        CONFIRMED = "confirmed", _("confirmed")
        DECLINED = "declined", _("declined")
        CANCELLED = "cancelled", _("cancelled")

    class Purpose(models.TextChoices):
        ACTIVITY = "activity", _("activity")
        PARTNER = "partner", _("partner")
        INITIATIVE = "initiative", _("resident initiative")
        INTERNAL = "internal", _("internal use")
        RESIDENT = "resident", _("resident request")

    # The statuses that hold (or may come to hold) the space.
    LIVE = (Status.TENTATIVE, Status.CONFIRMED)

    space = models.ForeignKey(
        Space, verbose_name=_("space"), on_delete=models.PROTECT, related_name="bookings"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    setup_minutes = models.PositiveSmallIntegerField(_("set-up time (minutes)"), default=0)
    cleanup_minutes = models.PositiveSmallIntegerField(_("clean-up time (minutes)"), default=0)
    # The start minus set-up and the end plus clean-up: what the space is held for.
    blocked_from = models.DateTimeField(_("held from"), editable=False)
    blocked_until = models.DateTimeField(_("held until"), editable=False)
    is_long = models.BooleanField(_("held for more than a day"), default=False, editable=False)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.CONFIRMED
    )
    purpose = models.CharField(_("purpose"), max_length=16, choices=Purpose.choices)
    title = models.CharField(_("title"), max_length=200)
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="bookings",
    )
    series = models.ForeignKey(
        BookingSeries,
        verbose_name=_("repeating booking"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="bookings",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Why a staff member booked outside the rules (opening hours, longest booking, horizon).
    override_reason = models.CharField(_("reason for the exception"), max_length=300, blank=True)
    # A request by a resident (no account): who asked, and how to reach them. Erased once
    # the booking is over (``jobs.erase_requesters``).
    requester_name = models.CharField(_("requested by"), max_length=150, blank=True)
    requester_email = models.EmailField(_("email address"), max_length=254, blank=True)
    # The organisation a request is made for (a partner), if any: not personal data, kept.
    requester_organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    # Set when a partner's contact asked from the workspace or with a token.
    requester_partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="room_requests",
    )
    requester_language = models.CharField(
        _("language for messages"), max_length=2, choices=LANGUAGES, default="nl"
    )
    needs = models.TextField(_("needs (accessibility, materials)"), blank=True, max_length=1000)
    # A tentative request holds nothing; it lapses unless staff decide before this moment.
    hold_expires_at = models.DateTimeField(_("request lapses at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_reason = models.CharField(_("reason given"), max_length=300, blank=True)
    erased_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)
    expected_people = models.PositiveIntegerField(
        _("expected number of people"), null=True, blank=True
    )
    notes = models.TextField(_("notes"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("room booking")
        verbose_name_plural = _("room bookings")
        ordering = ["blocked_from", "id"]
        indexes = [
            # Availability: the bookings of some spaces that begin in a window.
            models.Index(fields=["space", "blocked_from"], name="booking_space_time"),
            models.Index(
                fields=["space", "blocked_until"],
                condition=Q(is_long=True),
                name="booking_space_long",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="booking_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(blocked_from__lte=F("starts_at"), blocked_until__gte=F("ends_at")),
                name="booking_block_covers_booking",
            ),
            # An activity has at most one live booking: moving it moves that booking.
            models.UniqueConstraint(
                fields=["activity"],
                condition=Q(status__in=["tentative", "confirmed"]) & Q(activity__isnull=False),
                name="booking_one_live_per_activity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} · {self.space} · {self.starts_at:%Y-%m-%d %H:%M}"

    def set_block(self) -> None:
        self.blocked_from = self.starts_at - datetime.timedelta(minutes=self.setup_minutes)
        self.blocked_until = self.ends_at + datetime.timedelta(minutes=self.cleanup_minutes)
        self.is_long = self.blocked_until - self.blocked_from > LONG_BLOCK
