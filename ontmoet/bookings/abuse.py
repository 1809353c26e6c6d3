"""The abuse limits on residents' room requests, shared by the form and the API."""

from ontmoet.core.ratelimit import client_address, first_retry_after


def request_retry_after(request, email) -> int | None:
    """Count a request per client address and per email address; the seconds to wait when
    either is over its limit."""
    return first_retry_after(
        [
            ("booking-request-address", client_address(request)),
            ("booking-request-email", str(email).strip().lower()[:254]),
        ]
    )
