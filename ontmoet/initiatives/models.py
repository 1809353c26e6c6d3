"""Residents' initiatives ("Ik heb een idee"): an idea from a resident, carried from the
public form (or a phone call or the desk, entered by staff) through the branch's review to
a draft activity with a room held for it.

An ``Initiative`` has a status — new, in conversation, accepted, declined, parked — and a
private status link (an HMAC of the idea under the site's secret) where the initiator follows
the idea, reads the decision and its reason, and answers staff's questions
(``InitiativeMessage``). The review records a neutrality and low-threshold checklist
(``CHECKLIST``) with notes. Accepting creates a pre-filled draft activity, holds the room
tentatively, and names the initiator as its co-organiser.

Staff can open an idea for support: residents then say "I would join this". Only a
de-duplicated count is kept (``Initiative.supporters``); the keys that de-duplicate it are
one-way digests salted per idea (``SupportKey``) of a browser's random id — or, for a client
that keeps no cookie, of a keyed digest of its address — never an address in clear.

The initiator's contact details are erased when the idea is done with (``ERASE_AFTER``
after a decision); the idea itself stays, anonymous, for the overview.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontmoet.core.models import TimeStamped
from ontmoet.programme.models import Activity
from ontmoet.registrations.models import MESSAGE_LANGUAGES
from ontmoet.venues.models import Branch, Neighbourhood

# An initiator's contact details are kept this long after the decision.
ERASE_AFTER = datetime.timedelta(days=90)

# The review board's checklist: what keeps the library neutral and low-threshold.
CHECKLIST = [
    ("non_commercial", _("Non-commercial: nothing is sold or advertised.")),
    ("free", _("Free or low-cost for those who come.")),
    ("open", _("Open to everyone.")),
    (
        "not_partisan",
        _("No party-political campaigning; a debate shows balanced viewpoints."),
    ),
    ("accessible", _("An accessible place and understandable language.")),
    ("fits", _("Fits a programme theme or a function of the library.")),
]
CHECKLIST_KEYS = [key for key, _label in CHECKLIST]


class Initiative(TimeStamped):
    class Status(models.TextChoices):
        NEW = "new", _("new")
        IN_CONVERSATION = "in_conversation", _("in conversation")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        PARKED = "parked", _("parked")

    # The statuses that end the review (a decision the initiator is told with a reason).
    DECIDED = (Status.ACCEPTED, Status.DECLINED, Status.PARKED)

    class Channel(models.TextChoices):
        ONLINE = "online", _("online form")
        PHONE = "phone", _("by phone")
        DESK = "desk", _("at the desk")

    title = models.CharField(_("what is the idea?"), max_length=200)
    description = models.TextField(_("tell us more"), max_length=4000)
    audience = models.CharField(_("for whom?"), max_length=300)
    branch = models.ForeignKey(
        Branch,
        verbose_name=_("branch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiatives",
    )
    moments = models.CharField(_("preferred moments"), max_length=300, blank=True)
    needs_room = models.BooleanField(_("needs a room"), default=False)
    needs_promotion = models.BooleanField(_("needs promotion"), default=False)
    needs = models.TextField(_("what else is needed"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NEW
    )
    channel = models.CharField(
        _("received"), max_length=8, choices=Channel.choices, default=Channel.ONLINE
    )
    # Who had the idea, and how to reach them: erased ``ERASE_AFTER`` after the decision.
    initiator_name = models.CharField(_("name"), max_length=150, blank=True)
    initiator_email = models.EmailField(_("email address"), max_length=254, blank=True)
    initiator_phone = models.CharField(_("phone number"), max_length=40, blank=True)
    language = models.CharField(
        _("language for messages"), max_length=2, choices=MESSAGE_LANGUAGES, default="nl"
    )
    show_name = models.BooleanField(
        _("may show the initiator's name as co-organiser"), default=False
    )
    # The status link is derived from this and the site's secret (``links.py``), so later
    # mails can carry it again; the nonce alone opens nothing.
    link_nonce = models.CharField(_("status link nonce"), max_length=32)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The review.
    checklist = models.JSONField(_("checklist"), default=dict, blank=True)
    review_notes = models.TextField(_("notes of the review"), max_length=4000, blank=True)
    decision_reason = models.CharField(
        _("reason (the initiator reads it)"), max_length=600, blank=True
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    activity = models.OneToOneField(
        Activity,
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiative",
    )
    # Support from other residents: opened by staff, counted without identities.
    support_open = models.BooleanField(_("open for support"), default=False)
    supporters = models.PositiveIntegerField(_("residents who would join"), default=0)
    erased_at = models.DateTimeField(_("contact details erased at"), null=True, blank=True)

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["branch", "status"], name="initiative_queue")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_decided(self) -> bool:
        return self.status in self.DECIDED

    def checklist_items(self) -> list[tuple[str, str, bool]]:
        return [(key, label, bool(self.checklist.get(key))) for key, label in CHECKLIST]


# What a resident (or staff for them) fills in about an idea.
IDEA_FIELDS = [
    "title",
    "description",
    "audience",
    "branch",
    "neighbourhood",
    "moments",
    "needs_room",
    "needs_promotion",
    "needs",
    "initiator_name",
    "initiator_email",
    "initiator_phone",
    "language",
    "show_name",
]


class InitiativeMessage(models.Model):
    """A question from staff or an answer from the initiator, on the idea's status page."""

    class Author(models.TextChoices):
        STAFF = "staff", _("the library")
        INITIATOR = "initiator", _("the initiator")

    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    author = models.CharField(_("from"), max_length=10, choices=Author.choices)
    staff_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("message"), max_length=2000)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("message about an initiative")
        verbose_name_plural = _("messages about initiatives")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.initiative}: {self.get_author_display()}"


class SupportKey(models.Model):
    """One resident's "I would join this", as a digest salted with the idea: it stops the
    same person counting twice and says nothing about who they are."""

    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="+"
    )
    digest = models.CharField(_("digest"), max_length=64)

    class Meta:
        verbose_name = _("support key")
        verbose_name_plural = _("support keys")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "digest"], name="support_once")
        ]

    def __str__(self) -> str:
        return f"{self.initiative_id}:{self.digest[:8]}"
