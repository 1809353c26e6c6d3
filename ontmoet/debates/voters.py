"""Who is voting, as far as de-duplication needs to know: a registered attendee's ticket
when it is a live registration for this activity, otherwise a random id the browser keeps
in a cookie. Neither is stored: the services keep only a digest salted per round.

The ticket comes from the ticket code field of the vote page (or the join page), or from a
link that carries it (``?ticket=``). A ticket code that was given but is not a live ticket
of this activity gives no key at all, rather than quietly counting the phone instead: the
voter meant to vote with the ticket and is told it is not known.
"""

import re
import secrets

from ontmoet.registrations.models import TICKET_ALPHABET, Registration

# Ticket codes are 8 characters of that alphabet (registrations.models.new_ticket_code).
TICKET_SHAPE = re.compile(f"[{re.escape(TICKET_ALPHABET)}]{{8}}")

VOTER_COOKIE = "ontmoet_voter"
COOKIE_AGE = 60 * 60 * 24 * 2  # a debate evening, with room to spare


def clean_ticket(text) -> str:
    """A ticket code as people type it (any case, with spaces or dashes), as stored: only
    letters and digits are kept (no control characters to echo), cut short so that a page
    never echoes much of what was sent."""
    return re.sub(r"[^A-Za-z0-9]", "", str(text or "")).upper()[:12]


def posted_ticket(request) -> str:
    """The ticket code of a form, else of the link; a form's empty field means none."""
    if "ticket" in request.POST:
        return clean_ticket(request.POST["ticket"])
    return clean_ticket(request.GET.get("ticket"))


def ticket_key(activity, ticket: str) -> str | None:
    """``activity`` is the activity or its id. Only something shaped like a ticket code is
    looked up (a device's random id never costs a query), and only as a whole."""
    ticket = clean_ticket(ticket)
    if not TICKET_SHAPE.fullmatch(ticket):
        return None
    live = Registration.objects.filter(
        activity=activity, ticket_code=ticket, status__in=Registration.HOLDING
    ).exists()
    return f"ticket:{ticket}" if live else None


def device_key(request) -> tuple[str, str | None]:
    """(the key of this browser, a new device id to set as cookie or None)."""
    device = request.COOKIES.get(VOTER_COOKIE, "")
    if 16 <= len(device) <= 64 and device.replace("-", "").replace("_", "").isalnum():
        return f"device:{device}", None
    device = secrets.token_urlsafe(18)
    return f"device:{device}", device


def voter_key(request, activity) -> tuple[str | None, str | None]:
    """(the key, a new device id to set as cookie or None). The key is None when a ticket
    code was given that is not a live ticket of ``activity``."""
    ticket = posted_ticket(request)
    if ticket:
        return ticket_key(activity, ticket), None
    return device_key(request)


def remember_device(request, response, device: str | None):
    if device:
        response.set_cookie(
            VOTER_COOKIE,
            device,
            max_age=COOKIE_AGE,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
    return response
