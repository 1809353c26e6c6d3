"""Users and staff roles.

A staff user has one role. Programme makers are scoped to the branches they are linked to;
central programme staff edit every branch; the read-only role sees everything and changes
nothing. Superusers are administrators. The rules that follow from this live in
``ontmoet.accounts.scoping`` and nowhere else.
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    class Role(models.TextChoices):
        NONE = "", _("no staff role")
        PROGRAMME_MAKER = "programme_maker", _("programme maker (own branches)")
        CENTRAL_STAFF = "central_staff", _("central programme staff (all branches)")
        READ_ONLY = "read_only", _("read-only (all branches)")

    role = models.CharField(_("role"), max_length=32, choices=Role.choices, blank=True)
    branches = models.ManyToManyField(
        "venues.Branch",
        verbose_name=_("branches"),
        blank=True,
        related_name="staff",
        help_text=_("The branches a programme maker plans for."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
