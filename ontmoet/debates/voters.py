"""Who is voting, as far as de-duplication needs to know: a registered attendee's ticket
(from the ticket's QR link, ``?ticket=``) when it is a live registration for this activity,
otherwise a random id the browser keeps in a cookie. Neither is stored: the services keep
only a digest salted per round."""

import re
import secrets

from ontmoet.registrations.models import TICKET_ALPHABET, Registration

# Ticket codes are 8 characters of that alphabet (registrations.models.new_ticket_code).
TICKET_SHAPE = re.compile(f"[{re.escape(TICKET_ALPHABET)}]{{8}}")

VOTER_COOKIE = "ontmoet_voter"
COOKIE_AGE = 60 * 60 * 24 * 2  # a debate evening, with room to spare


def ticket_key(activity, ticket: str) -> str | None:
    """``activity`` is the activity or its id. Only something shaped like a ticket code is
    looked up (a device's random id never costs a query), and only as a whole."""
    ticket = str(ticket or "").strip().upper()
    if not TICKET_SHAPE.fullmatch(ticket):
        return None
    live = Registration.objects.filter(
        activity=activity, ticket_code=ticket, status__in=Registration.HOLDING
    ).exists()
    return f"ticket:{ticket}" if live else None


def voter_key(request, activity) -> tuple[str, str | None]:
    """(the key, a new device id to set as cookie or None)."""
    ticket = request.POST.get("ticket") or request.GET.get("ticket")
    key = ticket_key(activity, ticket) if ticket else None
    if key:
        return key, None
    device = request.COOKIES.get(VOTER_COOKIE, "")
    if 16 <= len(device) <= 64 and device.replace("-", "").replace("_", "").isalnum():
        return f"device:{device}", None
    device = secrets.token_urlsafe(18)
    return f"device:{device}", device


def remember_device(response, device: str | None):
    if device:
        response.set_cookie(VOTER_COOKIE, device, max_age=COOKIE_AGE, httponly=True, samesite="Lax")
    return response
