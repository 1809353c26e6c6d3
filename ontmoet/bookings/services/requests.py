"""Requests from residents (no account): a request holds nothing until staff decide, a
declined request carries a reason, and the requester is told by mail."""

import contextvars
import datetime
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.core.audit import audit_record
from ontmoet.core.writer_turn import writer_turn
from ontmoet.venues.models import Space

from ..models import Booking, SpacePolicy
from .core import (
    _check_input,
    _ensure_staff_for,
    _lock_and_check,
    _save_checked,
    policy_for,
    rule_errors,
)

# A request lapses when staff have not decided within this time (or at its start).
REQUEST_HOLD = datetime.timedelta(days=7)


# Who may ask for a space from outside: its rules name residents, or partners.
REQUESTABLE = (SpacePolicy.BookableBy.RESIDENTS, SpacePolicy.BookableBy.PARTNERS)


class RequestRefused(Exception):
    """This space takes no requests from outside the library (HTTP 404 for the public)."""


def booking_request_create(
    *,
    space: Space,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    title: str,
    name: str,
    email: str,
    language: str = "nl",
    expected_people: int | None = None,
    needs: str = "",
    organisation: str = "",
    partner=None,
) -> Booking:
    """A resident, or someone for an organisation, asks for a space (no account). Spaces for
    partners take requests that name an organisation; spaces for residents take both. Within
    the space's rules only; a time that is already booked is refused without saying by whom.
    Where the space needs no approval the booking is confirmed at once, else it waits for
    staff as a tentative request."""
    policy = policy_for(space)
    organisation = organisation.strip()[:200]
    if policy.bookable_by not in REQUESTABLE:
        raise RequestRefused
    now = timezone.now()
    booking = Booking(
        space=space,
        starts_at=starts_at,
        ends_at=ends_at,
        setup_minutes=policy.setup_minutes,
        cleanup_minutes=policy.cleanup_minutes,
        title=title.strip(),
        purpose=Booking.Purpose.PARTNER if organisation else Booking.Purpose.RESIDENT,
        status=Booking.Status.CONFIRMED if not policy.needs_approval else Booking.Status.TENTATIVE,
        requester_name=name.strip(),
        requester_email=email.strip().lower(),
        requester_organisation=organisation,
        requester_partner=partner,
        requester_language=language,
        expected_people=expected_people,
        needs=needs.strip(),
    )
    if not booking.requester_name or not booking.requester_email:
        raise ValidationError({"requester_email": _("Enter your name and email address.")})
    _check_input(booking)
    errors = rule_errors(space=space, policy=policy, starts_at=starts_at, ends_at=ends_at, now=now)
    if starts_at <= now:
        errors["starts_at"] = _("Choose a moment in the future.")
    if expected_people and expected_people > space.capacity:
        errors["expected_people"] = _("This space holds at most %(n)d people.") % {
            "n": space.capacity
        }
    if policy.bookable_by == SpacePolicy.BookableBy.PARTNERS and not organisation:
        errors["organisation"] = _("This space is for organisations: give the name of yours.")
    if errors:
        raise ValidationError(errors)
    if booking.status == Booking.Status.TENTATIVE:
        booking.hold_expires_at = min(now + REQUEST_HOLD, starts_at)
    # A confirmed booking in the way refuses a request of either kind at once.
    _save_checked(booking, check_status=Booking.Status.TENTATIVE)
    tell_requester(
        booking, "received" if booking.status == Booking.Status.TENTATIVE else "confirmed"
    )
    return booking


def booking_request_decide(*, actor, booking: Booking, approve: bool, reason: str = "") -> Booking:
    """Staff approve a tentative request (if the time is still free) or decline it with a
    reason, which the requester reads."""
    _ensure_staff_for(actor, booking.space)
    reason = reason.strip()
    if not approve and not reason:
        raise ValidationError({"reason": _("Give a reason; the requester reads it.")})
    with writer_turn(), transaction.atomic():
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if booking.status != Booking.Status.TENTATIVE:
            raise ValidationError({"reason": _("This request has been decided already.")})
        booking.status = Booking.Status.CONFIRMED if approve else Booking.Status.DECLINED
        booking.decided_at, booking.decided_by = timezone.now(), actor
        booking.decision_reason = reason[:300]
        if approve:
            _lock_and_check(booking)
        booking.save()
        audit_record(
            actor=actor,
            code="bookings.request.approved" if approve else "bookings.request.declined",
            target=booking,
            changes={"status": ["tentative", booking.status], "reason": booking.decision_reason},
        )
    tell_requester(booking, booking.status)
    return booking


# Set while loading demo data: nobody is to be mailed.
_SILENT = contextvars.ContextVar("bookings_silent", default=False)


@contextmanager
def without_requester_mail() -> Iterator[None]:
    reset = _SILENT.set(True)
    try:
        yield
    finally:
        _SILENT.reset(reset)


def tell_requester(booking: Booking, kind: str) -> None:
    """Mail the requester after the commit (nothing is mailed for a change rolled back)."""
    if booking.requester_email and not _SILENT.get():
        from ..tasks import send_booking_mail

        transaction.on_commit(lambda: send_booking_mail(booking.pk, kind))
