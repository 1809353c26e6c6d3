"""Places: the city's districts and neighbourhoods, the library's branches and their spaces.

Districts (stadsdelen) and neighbourhoods (wijken) are data with a population, the year of
that figure and its source, because reach reports compare the library's audiences with
them. A branch has weekly opening hours plus dated exceptions (a closure, or other hours on
one day). Accessibility features are a shared, staff-editable list used by branches, spaces
and activities.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ontmoet.core.models import TimeStamped


class Bilingual(models.Model):
    """A name in Dutch (the default) and English, for staff-editable lists."""

    name = models.CharField(_("name (Dutch)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)

    class Meta:
        abstract = True

    @property
    def label(self) -> str:
        if (get_language() or "nl").startswith("en") and self.name_en:
            return self.name_en
        return self.name

    def __str__(self) -> str:
        return self.label


class District(Bilingual):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(
        _("year of the figure"), null=True, blank=True
    )
    source = models.TextField(_("source"), blank=True)

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["name"]


class Neighbourhood(Bilingual):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        related_name="neighbourhoods",
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(
        _("year of the figure"), null=True, blank=True
    )
    source = models.TextField(_("source"), blank=True)

    class Meta:
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        ordering = ["name"]


class AccessibilityFeature(Bilingual):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("accessibility feature")
        verbose_name_plural = _("accessibility features")
        ordering = ["name"]


class Branch(TimeStamped):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    is_central = models.BooleanField(_("central library"), default=False)
    address = models.CharField(_("street address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=80, default="Den Haag")
    district = models.ForeignKey(
        District, verbose_name=_("district"), on_delete=models.PROTECT, related_name="branches"
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="branches",
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    description = models.TextField(_("description"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="branches/", blank=True)
    photo_alt = models.CharField(_("photo description (alt text)"), max_length=250, blank=True)
    accessibility_features = models.ManyToManyField(
        AccessibilityFeature,
        verbose_name=_("accessibility features"),
        blank=True,
        related_name="branches",
    )
    accessibility_notes = models.TextField(_("accessibility notes"), blank=True)
    source = models.TextField(
        _("source of the facts"),
        blank=True,
        help_text=_("Where the address and district come from; say what is illustrative."),
    )
    is_illustrative = models.BooleanField(
        _("illustrative data"),
        default=False,
        help_text=_("Part of the data (address, hours) was made up for the demo."),
    )

    class Meta:
        verbose_name = _("branch")
        verbose_name_plural = _("branches")
        ordering = ["-is_central", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("venues:branch_detail", kwargs={"slug": self.slug})


class OpeningHours(models.Model):
    """Regular weekly hours; a weekday may have several periods (closed at lunch)."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    branch = models.ForeignKey(
        Branch, verbose_name=_("branch"), on_delete=models.CASCADE, related_name="opening_hours"
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=F("opens")), name="opening_hours_close_after_open"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class OpeningException(models.Model):
    """A dated exception: closed all day (no times) or open at other hours."""

    branch = models.ForeignKey(
        Branch,
        verbose_name=_("branch"),
        on_delete=models.CASCADE,
        related_name="opening_exceptions",
    )
    date = models.DateField(_("date"))
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("closure or exception")
        verbose_name_plural = _("closures and exceptions")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["branch", "date"], name="one_exception_per_branch_day"),
            models.CheckConstraint(
                condition=(Q(opens__isnull=True, closes__isnull=True))
                | Q(opens__isnull=False, closes__isnull=False, closes__gt=F("opens")),
                name="exception_closed_or_valid_hours",
            ),
        ]

    @property
    def is_closed(self) -> bool:
        return self.opens is None

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.reason}"


class Space(TimeStamped):
    class Kind(models.TextChoices):
        DEBATE_HALL = "debate_hall", _("debate hall")
        THEATRE = "theatre", _("theatre hall")
        CLASSROOM = "classroom", _("classroom")
        EXHIBITION = "exhibition", _("exhibition space")
        STUDY_AREA = "study_area", _("study area")
        MEETING_ROOM = "meeting_room", _("meeting room")
        READING_CAFE = "reading_cafe", _("reading café")
        ROOF_TERRACE = "roof_terrace", _("roof terrace")
        CHILDREN = "children", _("children's corner")
        MAKERSPACE = "makerspace", _("makerspace")
        MULTIPURPOSE = "multipurpose", _("multipurpose room")

    branch = models.ForeignKey(
        Branch, verbose_name=_("branch"), on_delete=models.CASCADE, related_name="spaces"
    )
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    capacity = models.PositiveIntegerField(
        _("capacity (people)"), validators=[MinValueValidator(1)]
    )
    floor = models.CharField(_("floor"), max_length=40, blank=True)
    description = models.TextField(_("description"), blank=True)
    accessibility_features = models.ManyToManyField(
        AccessibilityFeature,
        verbose_name=_("accessibility features"),
        blank=True,
        related_name="spaces",
    )

    class Meta:
        verbose_name = _("space")
        verbose_name_plural = _("spaces")
        ordering = ["branch", "name"]
        constraints = [
            models.UniqueConstraint(fields=["branch", "name"], name="space_name_unique_per_branch"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="space_capacity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.branch.name})"
