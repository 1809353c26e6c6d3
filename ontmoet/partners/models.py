"""Partners: the organisations the library programmes with, and what ties them to it.

A ``Partner`` is an organisation (a neighbourhood initiative, a cultural or welfare
organisation, a municipal department, a university, the national library, the media ...)
working with one or more branches. Its ``Agreement``s say on what terms — among them
whether a data processing agreement (DPA) is in place, which is what allows a partner to
see the people registered for its activities. A partner co-hosts activities and series
(``ActivityPartner``, ``SeriesPartner``), each with a role that shows on the public pages
and in the JSON-LD (organiser or contributor).

A ``PartnerMember`` is a person who acts for a partner: an account invited by staff by
email, with no staff role, who sees and changes only what the partner co-organises.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.core.models import TimeStamped
from ontmoet.programme.models import Activity, Series
from ontmoet.venues.models import Branch


class Partner(TimeStamped):
    class Kind(models.TextChoices):
        NEIGHBOURHOOD = "neighbourhood", _("neighbourhood initiative")
        CULTURAL = "cultural", _("cultural organisation")
        SOCIAL = "social", _("social or welfare organisation")
        MUNICIPAL = "municipal", _("municipal department")
        EDUCATION = "education", _("education or university")
        NATIONAL_LIBRARY = "national_library", _("national library")
        MEDIA = "media", _("media")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    website = models.URLField(_("website"), blank=True)
    branches = models.ManyToManyField(
        Branch, verbose_name=_("branches"), blank=True, related_name="partners"
    )
    is_public = models.BooleanField(
        _("listed publicly"),
        default=True,
        help_text=_("Shown on the public page of partners."),
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("A former partner keeps its history.")
    )

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partners:detail", kwargs={"slug": self.slug})

    @property
    def has_dpa_today(self) -> bool:
        return self.has_dpa_on(timezone.localdate())

    def has_dpa_on(self, day: datetime.date) -> bool:
        return any(a.covers(day) for a in self.agreements.all() if a.kind == Agreement.Kind.DPA)


class Agreement(TimeStamped):
    class Kind(models.TextChoices):
        COOPERATION = "cooperation", _("cooperation agreement")
        DPA = "dpa", _("data processing agreement")
        SPACE_USE = "space_use", _("use of spaces")
        OTHER = "other", _("other")

    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="agreements"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True, help_text=_("Empty: open."))
    notes = models.TextField(_("notes"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="agreement_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.partner}: {self.title}"

    def covers(self, day: datetime.date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


class Role(models.TextChoices):
    """What a partner does for an activity or series. The first two organise (JSON-LD
    ``organizer``); the others contribute (``contributor``)."""

    ORGANISER = "organiser", _("organiser")
    CO_ORGANISER = "co_organiser", _("co-organiser")
    CONTENT = "content", _("content partner")
    VENUE = "venue", _("venue partner")
    MEDIA = "media", _("media partner")
    FUNDER = "funder", _("funder")


ORGANISING_ROLES = (Role.ORGANISER, Role.CO_ORGANISER)


class ActivityPartner(models.Model):
    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="hosts"
    )
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="activities"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)

    class Meta:
        verbose_name = _("partner of an activity")
        verbose_name_plural = _("partners of activities")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "partner"], name="activity_partner_once")
        ]

    def __str__(self) -> str:
        return f"{self.partner} ({self.get_role_display()})"


class SeriesPartner(models.Model):
    series = models.ForeignKey(
        Series, verbose_name=_("series"), on_delete=models.CASCADE, related_name="hosts"
    )
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="series"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)

    class Meta:
        verbose_name = _("co-host of a series")
        verbose_name_plural = _("co-hosts of series")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["series", "partner"], name="series_partner_once")
        ]

    def __str__(self) -> str:
        return f"{self.partner} ({self.get_role_display()})"


class PartnerMember(TimeStamped):
    """A person acting for a partner, with an account of their own (no staff role)."""

    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="members"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="partner_member",
    )
    name = models.CharField(_("name"), max_length=150)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The invitation's link is signed and dated; accepting it sets the password. One use:
    # the link carries this counter, which accepting raises.
    invitations_sent = models.PositiveSmallIntegerField(_("invitations sent"), default=0)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("partner contact")
        verbose_name_plural = _("partner contacts")
        ordering = ["partner", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.partner})"
