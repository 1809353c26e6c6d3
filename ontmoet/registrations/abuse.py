"""The abuse limits on registering, shared by the form and the API."""

from ontmoet.core.ratelimit import address_and_email_retry_after


def registration_retry_after(request, email) -> int | None:
    """Count a registration attempt per client address and per email address; the seconds to
    wait when either is over its limit."""
    return address_and_email_retry_after(request, email, scope="register")
