"""Writes to room bookings: one booking (``core``), repeating bookings (``series``) and
residents' requests (``requests``). Callers import from here."""

from .core import (
    EARLIEST,
    LATEST,
    TAKEN_FOR_THE_PUBLIC,
    BookingConflict,
    booking_cancel,
    booking_change,
    booking_create,
    bookings_follow_activity,
    conflict_message,
    policy_for,
    rule_errors,
)
from .requests import (
    REQUEST_HOLD,
    REQUESTABLE,
    RequestRefused,
    booking_request_create,
    booking_request_decide,
    tell_requester,
    without_requester_mail,
)
from .series import Occurrence, SeriesConflict, booking_series_cancel, booking_series_create

__all__ = [
    "EARLIEST",
    "LATEST",
    "REQUESTABLE",
    "REQUEST_HOLD",
    "TAKEN_FOR_THE_PUBLIC",
    "BookingConflict",
    "Occurrence",
    "RequestRefused",
    "SeriesConflict",
    "booking_cancel",
    "booking_change",
    "booking_create",
    "booking_request_create",
    "booking_request_decide",
    "booking_series_cancel",
    "booking_series_create",
    "bookings_follow_activity",
    "conflict_message",
    "policy_for",
    "rule_errors",
    "tell_requester",
    "without_requester_mail",
]
