"""The programme: activities, series and the taxonomies that describe them.

An activity takes place at a branch (optionally in one of its spaces) between two aware
datetimes; the database refuses an end before the start. Its status is draft, published or
cancelled; a cancelled activity keeps its public page with a notice, so links in flyers and
calendars keep working. Themes, audiences, formats and the five statutory library functions
are staff-editable data, seeded by the demo.

Search: ``ActivitySearchTerm`` is a small inverted index of Dutch word stems (see
``search.py``), rebuilt by the services whenever an activity's text changes. It works the same
on SQLite and PostgreSQL and lets "debatten" find "debat".
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.core.models import TimeStamped
from ontmoet.venues.models import AccessibilityFeature, Bilingual, Branch, Space

from .querysets import ActivityQuerySet

SPOKEN_LANGUAGES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("tr", _("Turkish")),
    ("pl", _("Polish")),
    ("bg", _("Bulgarian")),
    ("ro", _("Romanian")),
    ("uk", _("Ukrainian")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("de", _("German")),
    ("zh", _("Chinese")),
    ("ngt", _("Dutch Sign Language (NGT)")),
]


# Longer runs (a permanent collection) are not activities; the bound also keeps the
# "what is on now" query on an index range instead of a scan of the whole past.
MAX_DURATION = datetime.timedelta(days=92)


class Taxonomy(Bilingual):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "name"]


class Theme(Taxonomy):
    sdgs = models.JSONField(
        _("UN Sustainable Development Goals"),
        default=list,
        blank=True,
        help_text=_("Numbers of the SDGs this theme serves, for example [16]."),
    )

    class Meta(Taxonomy.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def get_absolute_url(self) -> str:
        return reverse("programme:theme_detail", kwargs={"slug": self.slug})


class Audience(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")


class Format(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("format")
        verbose_name_plural = _("formats")


class LibraryFunction(Taxonomy):
    """One of the five statutory functions of a Dutch public library (Wsob art. 5)."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("library function")
        verbose_name_plural = _("library functions")


class Series(TimeStamped):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="series"
    )
    organisers = models.JSONField(
        _("organisers and co-hosts"),
        default=list,
        blank=True,
        help_text=_("Names of the organisations that host the series with the library."),
    )

    class Meta:
        verbose_name = _("series")
        verbose_name_plural = _("series")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programme:series_detail", kwargs={"slug": self.slug})


class Activity(TimeStamped):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        CANCELLED = "cancelled", _("cancelled")

    class RegistrationMode(models.TextChoices):
        DROP_IN = "drop_in", _("drop in, no registration")
        REQUIRED = "required", _("registration required")

    class Allocation(models.TextChoices):
        FIRST_COME = "first_come", _("first come, first served")
        LOTTERY = "lottery", _("lottery after registration closes")

    class WaitlistMode(models.TextChoices):
        AUTOMATIC = "automatic", _("the next on the waiting list gets the place at once")
        OFFER = "offer", _("the next on the waiting list is offered the place for a while")
        NONE = "none", _("no waiting list")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=False)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    summary_easy = models.TextField(
        _("easy-language summary (B1)"),
        blank=True,
        help_text=_("Short sentences, everyday words."),
    )
    format = models.ForeignKey(
        Format, verbose_name=_("format"), on_delete=models.PROTECT, related_name="activities"
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="activities"
    )
    audiences = models.ManyToManyField(
        Audience, verbose_name=_("audiences"), blank=True, related_name="activities"
    )
    library_functions = models.ManyToManyField(
        LibraryFunction, verbose_name=_("library functions"), blank=True, related_name="activities"
    )
    branch = models.ForeignKey(
        Branch, verbose_name=_("branch"), on_delete=models.PROTECT, related_name="activities"
    )
    space = models.ForeignKey(
        Space,
        verbose_name=_("space"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    languages = models.JSONField(
        _("spoken languages"),
        default=list,
        blank=True,
        help_text=_("Language codes, for example nl, en, ar."),
    )
    accessibility_features = models.ManyToManyField(
        AccessibilityFeature,
        verbose_name=_("accessibility features"),
        blank=True,
        related_name="activities",
    )
    accessibility_notes = models.TextField(_("accessibility notes"), blank=True)
    image = models.ImageField(_("image"), upload_to="activities/", blank=True)
    image_alt = models.CharField(_("image description (alt text)"), max_length=250, blank=True)
    organisers = models.JSONField(
        _("organisers"),
        default=list,
        blank=True,
        help_text=_("Who organises this with the library, one name per entry."),
    )
    series = models.ForeignKey(
        Series,
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    cancellation_reason = models.CharField(_("reason for cancellation"), max_length=300, blank=True)
    registration_mode = models.CharField(
        _("registration"),
        max_length=16,
        choices=RegistrationMode.choices,
        default=RegistrationMode.DROP_IN,
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100_000)],
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Empty: registration closes when the activity starts."),
    )
    max_seats_per_registration = models.PositiveSmallIntegerField(
        _("places per registration"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("A household or group registers together, up to this many places."),
    )
    allocation = models.CharField(
        _("how places are given"),
        max_length=16,
        choices=Allocation.choices,
        default=Allocation.FIRST_COME,
    )
    lottery_quota_first_time = models.PositiveSmallIntegerField(
        _("lottery: percentage of places for first-timers"),
        default=0,
        validators=[MaxValueValidator(100)],
    )
    lottery_quota_district = models.PositiveSmallIntegerField(
        _("lottery: percentage of places for residents of the branch's district"),
        default=0,
        validators=[MaxValueValidator(100)],
    )
    waitlist_mode = models.CharField(
        _("when places free up"),
        max_length=16,
        choices=WaitlistMode.choices,
        default=WaitlistMode.AUTOMATIC,
    )
    allow_split = models.BooleanField(
        _("a household may be placed in part"),
        default=False,
        help_text=_(
            "Off: a household gets all its places at once or waits. On: free places go to the "
            "first in line even if they are fewer than asked; the rest keep waiting."
        ),
    )
    offer_hours = models.PositiveSmallIntegerField(
        _("hours to accept an offered place"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(168)],
    )
    reminder_hours = models.PositiveSmallIntegerField(
        _("reminder, hours before the start"),
        null=True,
        blank=True,
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(336)],
        help_text=_("Empty: no reminder."),
    )
    erase_after_days = models.PositiveSmallIntegerField(
        _("erase registrants' personal data after (days)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["starts_at", "id"]
        # Every list walks activities in (starts_at, id) order and stops after one page. The
        # trailing ends_at and status let the walk skip finished activities and drafts
        # inside the index, without reading the rows.
        indexes = [
            models.Index(fields=["starts_at", "id", "ends_at", "status"], name="activity_start"),
            models.Index(
                fields=["branch", "starts_at", "id", "ends_at", "status"],
                name="activity_branch_start",
            ),
            models.Index(
                fields=["format", "starts_at", "id", "ends_at", "status"],
                name="activity_format_start",
            ),
            models.Index(fields=["series", "starts_at"], name="activity_series_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="activity_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__lte=F("starts_at") + MAX_DURATION),
                name="activity_duration_bounded",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="activity_capacity_positive",
            ),
            models.CheckConstraint(
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_closes_at__gt=F("registration_opens_at")),
                name="activity_registration_window_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        """The rules on times and place, for every door (back office, API, admin): run by
        ``full_clean()`` in the services and by the staff form."""
        errors = {}
        start, end = self.starts_at, self.ends_at
        if start and end:
            if end <= start:
                errors["ends_at"] = _("The end must lie after the start.")
            elif end - start > MAX_DURATION:
                errors["ends_at"] = _("An activity lasts at most 92 days.")
            if start.year < 2000 or start > timezone.now() + datetime.timedelta(days=3 * 365):
                errors["starts_at"] = _("Choose a start within the next three years.")
        if self.allocation == self.Allocation.LOTTERY:
            if not self.registration_closes_at or (start and self.registration_closes_at > start):
                errors["registration_closes_at"] = _(
                    "A lottery needs a closing moment for registration, before the start."
                )
            if self.lottery_quota_first_time + self.lottery_quota_district > 100:
                errors["lottery_quota_district"] = _("The quotas add up to more than 100%.")
        if self.space_id and self.branch_id and self.space.branch_id != self.branch_id:
            errors["space"] = _("This space is not in the chosen branch.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self) -> str:
        return reverse("programme:activity_detail", kwargs={"pk": self.pk, "slug": self.slug})

    def get_ical_url(self) -> str:
        return reverse("programme:activity_ical", kwargs={"pk": self.pk})

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def language_labels(self) -> list[str]:
        names = dict(SPOKEN_LANGUAGES)
        return [str(names.get(code, code)) for code in self.languages]


class ActivitySession(models.Model):
    """A further meeting of a course. The activity itself is the first meeting; one
    registration (and one capacity) covers them all, and its calendar file holds every date.
    """

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="sessions"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        verbose_name = _("further session")
        verbose_name_plural = _("further sessions")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} @ {self.starts_at:%Y-%m-%d %H:%M}"

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at:
            if self.ends_at <= self.starts_at:
                errors["ends_at"] = _("The end must lie after the start.")
            elif self.ends_at - self.starts_at > datetime.timedelta(hours=12):
                errors["ends_at"] = _("A session lasts at most 12 hours.")
            first = self.activity.starts_at
            if self.starts_at <= first or self.starts_at > first + MAX_DURATION:
                errors["starts_at"] = _(
                    "A further session lies after the first one, within 92 days of it."
                )
        if errors:
            raise ValidationError(errors)


class ActivitySearchTerm(models.Model):
    """One Dutch word stem occurring in an activity's searchable text.

    ``starts_at`` copies the activity's start (the services keep it in step) so that a search
    walks one stem's entries in programme order and stops after a page: fast for a rare
    word and for one that occurs in every activity alike.
    """

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="search_terms")
    term = models.CharField(_("stem"), max_length=64)
    starts_at = models.DateTimeField(_("starts at"))

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [
            models.UniqueConstraint(fields=["term", "activity"], name="search_term_unique"),
        ]
        indexes = [
            models.Index(fields=["term", "starts_at", "activity"], name="search_term_in_order"),
        ]

    def __str__(self) -> str:
        return self.term
