"""The personal ticket: a short code and a QR code of the door-list address for it.

Scanned with any camera by staff, the QR opens the door list with the ticket filled in;
the code opens nothing without a staff login.
"""

import segno
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .models import Registration


def door_url(registration: Registration) -> str:
    path = reverse("registrations_staff:door_list", kwargs={"pk": registration.activity_id})
    return f"{settings.SITE_URL}{path}?ticket={registration.ticket_code}"


def qr_svg(address: str, title: str, scale: int = 4) -> str:
    qr = segno.make(address, error="m")
    # segno writes only the QR's own markup (the address is ours, the title our own text).
    svg = qr.svg_inline(scale=scale, title=title, border=2)
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308


def ticket_svg(registration: Registration) -> str:
    return qr_svg(door_url(registration), _("QR code of your ticket"))
