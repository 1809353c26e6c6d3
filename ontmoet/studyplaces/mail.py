"""The confirmation of a booked seat, with its private link (check in, cancel). In the
booker's language; plain text.

The link's secret is not stored (only its digest), so it travels with the queued task until
the mail is sent; after that it exists only in the booker's mailbox."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .models import SeatBooking


def send_seat_confirmation(booking_id: int, token: str) -> bool:
    booking = SeatBooking.objects.select_related("zone__branch").filter(pk=booking_id).first()
    if booking is None or not booking.email or booking.status not in SeatBooking.HOLDING:
        return False  # cancelled, released or erased before the mail went out
    with translation.override(booking.language):  # the link, too, opens in their language
        link = settings.SITE_URL + reverse("studyplaces:seat", kwargs={"token": token})
        body = render_to_string("studyplaces/mail/seat.txt", {"booking": booking, "link": link})
        subject = _("Your study seat: %(zone)s, %(branch)s") % {
            "zone": booking.zone.name,
            "branch": booking.zone.branch.name,
        }
    EmailMessage(subject=subject, body=body, to=[booking.email]).send()
    return True
