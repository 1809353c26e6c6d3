"""Shared building blocks: the TimeStamped base and the audit log.

Every staff or partner state change writes exactly one AuditEntry from the service that made
it: a dotted code (``programme.activity.published``), the actor, the target and a small diff.
The log is append-only; nothing in the product updates or deletes an entry.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class AuditEntry(models.Model):
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(_("who (as recorded)"), max_length=150, blank=True)
    code = models.CharField(_("what"), max_length=100, db_index=True)
    target_type = models.ForeignKey(
        ContentType, verbose_name=_("record type"), on_delete=models.PROTECT, related_name="+"
    )
    target_id = models.CharField(_("record id"), max_length=64)
    target_label = models.CharField(_("record"), max_length=300)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id", "-created_at"])]

    def __str__(self) -> str:
        return (
            f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.code} {self.target_label}"
        )


class ContentVersion(models.Model):
    """A counter per kind of public content, raised by every write that changes it.

    Cached public pages carry the version in their cache key, so a change is visible on
    the next request in every worker, with or without a shared cache.
    """

    key = models.CharField(_("content"), max_length=50, unique=True)
    version = models.PositiveBigIntegerField(_("version"), default=0)

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")

    def __str__(self) -> str:
        return f"{self.key} v{self.version}"
