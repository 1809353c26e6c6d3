"""The personal ticket: a short code and a QR code of the door-list address for it.

Scanned with any camera by staff, the QR opens the door list with the ticket filled in;
the code opens nothing without a staff login.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from ontmoet.core.qr import qr_svg

from .models import Registration


def door_url(registration: Registration) -> str:
    path = reverse("registrations_staff:door_list", kwargs={"pk": registration.activity_id})
    return f"{settings.SITE_URL}{path}?ticket={registration.ticket_code}"


def ticket_svg(registration: Registration) -> str:
    return qr_svg(door_url(registration), _("QR code of your ticket"))
