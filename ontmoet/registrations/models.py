"""Registrations: a resident (or a household) holding places at an activity.

Concepts and invariants:

- A ``Registration`` is confirmed, waitlisted, offered (a place held for a limited time,
  counting against capacity until it is accepted or expires) or cancelled. ``seats`` is the
  size of the household or group; a waitlisted household is placed all at once.
- The sum of the seats of confirmed and offered registrations never exceeds the activity's
  capacity. Every change that can affect it runs in ``services.locked_activity``: one
  transaction holding the activity's row lock (PostgreSQL) or the database's write lock
  (SQLite, IMMEDIATE transactions), which checks and writes both the registration and the
  activity's ``Tally``.
- ``Tally`` holds the live counters of one activity, written only under that lock, so
  availability is read from one row instead of summed on every page view. A test compares it
  with the registrations after concurrent rushes.
- Nobody needs an account. A registration is reached through secret links: each
  ``AccessToken`` is 144 random bits, stored only as its SHA-256; every mail carries a fresh
  one, and all stay valid until the personal data is erased.
- Mails wait in the ``OutboxMessage`` table, written in the transaction of the change.
- Personal data (name, email, phone, needs) is erased ``erase_after_days`` after the
  activity; the row stays, anonymous, for counts.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ontmoet.core.models import TimeStamped
from ontmoet.programme.models import Activity

TICKET_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread at the door


def new_ticket_code() -> str:
    return "".join(secrets.choice(TICKET_ALPHABET) for _ in range(8))


MESSAGE_LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]


class Registration(TimeStamped):
    class Status(models.TextChoices):
        ENTERED = "entered", _("in the lottery")
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        OFFERED = "offered", _("place offered")
        CANCELLED = "cancelled", _("cancelled")

    class Need(models.TextChoices):
        WHEELCHAIR = "wheelchair", _("a place for a wheelchair")
        INDUCTION_LOOP = "induction_loop", _("an induction loop")
        COMPANION = "companion", _("I bring a companion who assists me")

    class Priority(models.TextChoices):
        """Groups a lottery may reserve places for (self-declared on the form)."""

        FIRST_TIME = "first_time", _("my first activity at the library")
        DISTRICT = "district", _("I live in the branch's district")

    class Channel(models.TextChoices):
        ONLINE = "online", _("website")
        API = "api", _("API")
        ASSISTED = "assisted", _("at the desk or by phone")

    class Ending(models.TextChoices):
        BY_REGISTRANT = "registrant", _("cancelled by the registrant")
        BY_STAFF = "staff", _("cancelled by staff")
        OFFER_EXPIRED = "offer_expired", _("offered place not accepted in time")
        ACTIVITY_CANCELLED = "activity_cancelled", _("the activity was cancelled")

    # The states that hold a claim on the activity (seats or a waiting place).
    ACTIVE = (Status.ENTERED, Status.CONFIRMED, Status.WAITLISTED, Status.OFFERED)
    # The states whose seats count against capacity.
    HOLDING = (Status.CONFIRMED, Status.OFFERED)

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    seats = models.PositiveSmallIntegerField(
        _("places"), validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    name = models.CharField(_("name"), max_length=150, blank=True)
    email = models.EmailField(_("email address"), max_length=254, blank=True)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    needs = models.JSONField(_("needs"), default=list, blank=True)
    language = models.CharField(
        _("language for messages"), max_length=2, choices=MESSAGE_LANGUAGES, default="nl"
    )
    channel = models.CharField(
        _("registered through"), max_length=16, choices=Channel.choices, default=Channel.ONLINE
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by (staff)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    priority = models.JSONField(_("lottery priority groups"), default=list, blank=True)
    # The entry's number in a lottery, shown to the entrant and used in the published draw.
    entry_number = models.PositiveIntegerField(_("lottery number"), null=True, blank=True)
    # Order on the waiting list: ascending, with gaps so that staff can move an entry
    # between two others without renumbering.
    position = models.BigIntegerField(_("waiting list order"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer expires"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    ending = models.CharField(_("why it ended"), max_length=24, choices=Ending.choices, blank=True)
    # Set on the part of a household placed while the rest waits (activities that allow it).
    split_from = models.ForeignKey(
        "self",
        verbose_name=_("placed part of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="placed_parts",
    )
    # Printed on the ticket and in its QR code, for the door list; it opens nothing by itself.
    ticket_code = models.CharField(_("ticket code"), max_length=12, default=new_ticket_code)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    erased_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["activity", "created_at", "id"]
        indexes = [
            models.Index(fields=["activity", "status", "position"], name="registration_queue"),
            models.Index(fields=["email"], name="registration_email"),
            models.Index(fields=["activity", "ticket_code"], name="registration_ticket"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(seats__gte=1), name="registration_seats_positive"),
            # One live registration per address per activity: a household uses its seats,
            # and a resubmitted form cannot create a second one.
            models.UniqueConstraint(
                fields=["activity", "email"],
                condition=Q(status__in=["entered", "confirmed", "waitlisted", "offered"])
                & ~Q(email="")
                & Q(split_from__isnull=True),
                name="registration_one_per_email",
            ),
            models.CheckConstraint(
                condition=~Q(status="waitlisted") | Q(position__isnull=False),
                name="registration_waitlisted_has_position",
            ),
            models.CheckConstraint(
                condition=~Q(status="offered") | Q(offer_expires_at__isnull=False),
                name="registration_offer_expires",
            ),
        ]

    def __str__(self) -> str:
        who = self.name or _("(erased)")
        return f"{who} · {self.seats} · {self.get_status_display()}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def holds_seats(self) -> bool:
        return self.status in self.HOLDING

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None


class AccessToken(models.Model):
    """A secret link to one registration. Only the SHA-256 of the token is stored."""

    digest = models.CharField(_("token digest"), max_length=64, primary_key=True)
    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="tokens",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("access token")
        verbose_name_plural = _("access tokens")

    def __str__(self) -> str:
        return f"{self.digest[:8]}…"


class OutboxMessage(models.Model):
    """A mail to a registrant, written in the same transaction as the change it reports (a
    transactional outbox): a change rolled back mails nobody, and a crash after the commit
    loses no mail. The sender (``outbox.py``) mints the mail's secret link when it sends."""

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="outbox",
    )
    kind = models.CharField(_("kind of message"), max_length=24)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("being sent since"), null=True, blank=True)

    class Meta:
        verbose_name = _("message to send")
        verbose_name_plural = _("messages to send")
        indexes = [models.Index(fields=["claimed_at", "id"], name="outbox_queue")]

    def __str__(self) -> str:
        return f"{self.kind} → {self.registration_id}"


class Tally(models.Model):
    """The live counters of one activity's registrations, written only under its lock."""

    activity = models.OneToOneField(
        Activity,
        verbose_name=_("activity"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="tally",
    )
    confirmed_seats = models.PositiveIntegerField(_("confirmed places"), default=0)
    offered_seats = models.PositiveIntegerField(_("offered places"), default=0)
    waitlisted_seats = models.PositiveIntegerField(_("places asked on the waiting list"), default=0)
    waitlisted_entries = models.PositiveIntegerField(_("entries on the waiting list"), default=0)
    last_position = models.BigIntegerField(_("last waiting list order"), default=0)
    entered_seats = models.PositiveIntegerField(_("places asked in the lottery"), default=0)
    entered_entries = models.PositiveIntegerField(_("entries in the lottery"), default=0)
    last_entry_number = models.PositiveIntegerField(_("last lottery number"), default=0)
    walk_ins = models.PositiveIntegerField(_("walk-ins counted at the door"), default=0)
    # Raised by every change, so cached public pages showing availability refresh at once.
    version = models.PositiveBigIntegerField(_("version"), default=0)

    class Meta:
        verbose_name = _("registration counts")
        verbose_name_plural = _("registration counts")

    def __str__(self) -> str:
        return f"{self.activity_id}: {self.confirmed_seats}+{self.offered_seats}"

    def seats_available(self, capacity: int | None) -> int | None:
        if capacity is None:
            return None
        return max(0, capacity - self.confirmed_seats - self.offered_seats)


class LotteryDraw(models.Model):
    """The published record of one activity's draw: anyone can redo it from the seed.

    Method ``sha256-v1``: every entry has a lottery number (1, 2, ... in order of entry); the
    draw order sorts the numbers by the SHA-256 of ``"<seed>:<number>"`` (hex, ascending).
    Quotas are filled first, each walking the draw order among entries of its group; then
    everyone else in draw order, each household whole while places last. The rest join the
    waiting list in draw order.
    """

    METHOD = "sha256-v1"

    activity = models.OneToOneField(
        Activity,
        verbose_name=_("activity"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="lottery_draw",
    )
    seed = models.BigIntegerField(_("seed"))
    method = models.CharField(_("method"), max_length=20, default=METHOD)
    drawn_at = models.DateTimeField(_("drawn at"))
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drawn by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entries = models.PositiveIntegerField(_("entries"))
    winners = models.PositiveIntegerField(_("entries given places"))
    order = models.JSONField(_("lottery numbers in draw order"), default=list)

    class Meta:
        verbose_name = _("lottery draw")
        verbose_name_plural = _("lottery draws")

    def __str__(self) -> str:
        return f"{self.activity_id} · {self.method} · {self.seed}"
