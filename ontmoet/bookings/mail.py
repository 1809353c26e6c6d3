"""Mails to residents who asked for a space: received, confirmed, declined (with the
reason), lapsed, and moved or cancelled by staff afterwards (with the reason). In the requester's
language; plain text."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Booking

SUBJECTS = {
    "received": lambda b: _("We received your request for %(space)s") % {"space": b.space.name},
    "confirmed": lambda b: _("Booked: %(space)s") % {"space": b.space.name},
    "declined": lambda b: _("Your request for %(space)s") % {"space": b.space.name},
    "lapsed": lambda b: _("Your request for %(space)s") % {"space": b.space.name},
    "cancelled": lambda b: _("Cancelled: %(space)s") % {"space": b.space.name},
    "changed": lambda b: _("Changed: %(space)s") % {"space": b.space.name},
}


def send_request_mail(booking_id: int, kind: str) -> bool:
    booking = Booking.objects.select_related("space__branch").filter(pk=booking_id).first()
    if booking is None or not booking.requester_email or kind not in SUBJECTS:
        return False
    with translation.override(booking.requester_language):
        body = render_to_string("bookings/mail/request.txt", {"booking": booking, "kind": kind})
        subject = SUBJECTS[kind](booking)
    EmailMessage(subject=subject, body=body, to=[booking.requester_email]).send()
    return True
