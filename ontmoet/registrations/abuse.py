"""The abuse limits on registering, shared by the form and the API."""

from ontmoet.core.ratelimit import client_address, first_retry_after


def registration_retry_after(request, email) -> int | None:
    """Count a registration attempt per client address and per email address; the seconds to
    wait when either is over its limit."""
    return first_retry_after(
        [
            ("register-address", client_address(request)),
            ("register-email", str(email).strip().lower()[:254]),
        ]
    )
