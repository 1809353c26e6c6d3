"""The abuse limits on residents' room requests, shared by the form and the API."""

from ontmoet.core.ratelimit import address_and_email_retry_after


def request_retry_after(request, email) -> int | None:
    return address_and_email_retry_after(request, email, scope="booking-request")
