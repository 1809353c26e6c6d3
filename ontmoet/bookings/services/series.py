"""Repeating bookings: a booking on every date of an RRULE, each its own booking (so one
date can be cancelled alone); every taken date is listed before anything is saved."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.core.audit import audit_record
from ontmoet.core.writer_turn import writer_turn
from ontmoet.venues.models import Space

from ..models import Booking, BookingSeries
from ..recurrence import occurrences
from ..selectors import overlapping
from .core import _check_input, _ensure_staff_for, _staff_booking, policy_for, rule_errors


@dataclass
class Occurrence:
    """One date of a repeating booking, with the confirmed bookings in its way, or what the
    space's rules say against it (a closed day, beyond how far ahead one may book)."""

    starts_at: datetime.datetime
    ends_at: datetime.datetime
    conflicts: list[Booking]
    outside_rules: list[str] = field(default_factory=list)


class SeriesConflict(Exception):
    """Some occurrences of a repeating booking are taken (HTTP 409); all are listed."""

    def __init__(self, occurrences: list[Occurrence]):
        self.occurrences = occurrences
        self.taken = [o for o in occurrences if o.conflicts]
        super().__init__(f"{len(self.taken)} of {len(occurrences)} occurrence(s) taken")


def booking_series_create(
    *,
    actor,
    space: Space,
    rule: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    title: str,
    purpose: str = Booking.Purpose.INTERNAL,
    setup_minutes: int | None = None,
    cleanup_minutes: int | None = None,
    override_reason: str = "",
    notes: str = "",
    skip_taken: bool = False,
) -> tuple[BookingSeries, list[Booking], list[Occurrence]]:
    """Book a space on every occurrence of ``rule`` (RRULE) from ``starts_at``–``ends_at``
    on: all or nothing, unless ``skip_taken`` books the free ones and reports the rest,
    taken dates and dates outside the space's rules alike (a weekly café over Christmas
    skips the day the branch is closed; an override reason books it instead). Every taken
    occurrence is named before anything is saved (``SeriesConflict``)."""
    _ensure_staff_for(actor, space)
    policy = policy_for(space)
    bookings = []
    for start, end in occurrences(rule, starts_at, ends_at):
        booking = _staff_booking(
            actor,
            space,
            policy,
            start,
            end,
            title=title,
            purpose=purpose,
            setup_minutes=setup_minutes,
            cleanup_minutes=cleanup_minutes,
            override_reason=override_reason,
            notes=notes,
        )
        _check_input(booking)
        bookings.append(booking)
    for earlier, later in zip(bookings, bookings[1:], strict=False):
        if later.blocked_from < earlier.blocked_until:
            raise ValidationError({"rule": _("The occurrences would overlap one another.")})
    bookings, outside = _within_rules(space, policy, bookings, skip=skip_taken)
    try:
        with writer_turn(), transaction.atomic():
            found = _occurrences_checked(space, bookings)
            taken = [o for o in found if o.conflicts]
            if (taken and not skip_taken) or len(taken) == len(found):
                raise SeriesConflict(found)
            skipped = sorted(taken + outside, key=lambda o: o.starts_at)
            series = BookingSeries.objects.create(
                space=space,
                title=title.strip(),
                rule=rule.strip().upper().removeprefix("RRULE:"),
                first_starts_at=bookings[0].starts_at,
                created_by=actor,
            )
            made = []
            for booking, occurrence in zip(bookings, found, strict=True):
                if not occurrence.conflicts:
                    booking.series = series
                    booking.save()
                    made.append(booking)
            audit_record(
                actor=actor,
                code="bookings.series.created",
                target=series,
                changes={
                    "rule": [None, series.rule],
                    "occurrences": [None, len(made)],
                    "skipped": [None, [o.starts_at.isoformat() for o in skipped]],
                },
            )
    except IntegrityError:  # the exclusion constraint: a write that bypassed the services
        raise SeriesConflict(_occurrences_checked(space, bookings)) from None
    return series, made, skipped


def _within_rules(
    space: Space, policy, bookings: list[Booking], *, skip: bool
) -> tuple[list[Booking], list[Occurrence]]:
    """The occurrences the space's rules allow, and those skipped for breaking them; a
    broken rule refuses the whole series unless ``skip`` (or an override reason, which
    ``_staff_booking`` has already recorded on each, and which lets every date through)."""
    now = timezone.now()
    allowed, outside = [], []
    for booking in bookings:
        errors = not booking.override_reason and rule_errors(
            space=space,
            policy=policy,
            starts_at=booking.starts_at,
            ends_at=booking.ends_at,
            now=now,
        )
        if not errors:
            allowed.append(booking)
        else:
            reasons = list(dict.fromkeys(str(message) for message in errors.values()))
            outside.append(Occurrence(booking.starts_at, booking.ends_at, [], reasons))
    if outside and not skip:
        dates = ", ".join(f"{timezone.localtime(o.starts_at):%d-%m-%Y}" for o in outside[:10])
        raise ValidationError(
            {
                "starts_at": _("Outside this space's rules on: %(dates)s.") % {"dates": dates},
                "override_reason": _(
                    "Give a reason to book outside the rules, or skip the dates that are not free."
                ),
            }
        )
    if not allowed:
        raise ValidationError(
            {
                "starts_at": _("Every date lies outside this space's rules: %(why)s")
                % {"why": " ".join(outside[0].outside_rules)}
            }
        )
    return allowed, outside


def _occurrences_checked(space: Space, bookings: list[Booking]) -> list[Occurrence]:
    list(Space.objects.select_for_update(no_key=True).filter(pk=space.pk).values("pk"))
    held = list(
        overlapping(
            space_ids=[space.pk],
            start=bookings[0].blocked_from,
            end=bookings[-1].blocked_until,
            statuses=[Booking.Status.CONFIRMED],
        )
    )
    return [
        Occurrence(
            b.starts_at,
            b.ends_at,
            [
                h
                for h in held
                if h.blocked_from < b.blocked_until and b.blocked_from < h.blocked_until
            ],
        )
        for b in bookings
    ]


def booking_series_cancel(*, actor, series: BookingSeries, reason: str = "") -> int:
    """Cancel every occurrence still to come; those that have begun stay as they were."""
    _ensure_staff_for(actor, series.space)
    upcoming = series.bookings.filter(status__in=Booking.LIVE, starts_at__gt=timezone.now())
    count = upcoming.update(status=Booking.Status.CANCELLED, updated_at=timezone.now())
    audit_record(
        actor=actor,
        code="bookings.series.cancelled",
        target=series,
        changes={"cancelled": [None, count], "reason": reason.strip()[:300]},
    )
    return count
