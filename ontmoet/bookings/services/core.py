"""Writes to room bookings. Each runs in one transaction that first locks the space's row
(PostgreSQL) or holds the database's write lock (SQLite), then looks for overlapping
confirmed bookings and only then writes: two bookings of one space never both pass the
check. On PostgreSQL the exclusion constraint would refuse an overlap even if they did.

A booking that breaks a space's rules (outside the branch's opening hours, longer than
allowed, too far ahead) is refused with the reason per field; staff may book it anyway by
giving a reason for the exception, which is logged. A booking for an activity follows the
activity: the programme decides when it takes place, so only the overlap rule applies.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.accounts import scoping
from ontmoet.core.audit import audit_record
from ontmoet.core.writer_turn import writer_turn
from ontmoet.programme.models import Activity
from ontmoet.venues.models import Space
from ontmoet.venues.selectors import opening_day

from ..models import LONGEST_BLOCK, Booking, SpacePolicy
from ..selectors import overlapping


class BookingConflict(Exception):
    """The space is already held for (part of) that time (HTTP 409)."""

    def __init__(self, conflicts: list[Booking]):
        super().__init__(f"{len(conflicts)} overlapping booking(s)")
        self.conflicts = conflicts


def policy_for(space: Space) -> SpacePolicy:
    """The space's rules; the defaults (staff only) when it has none of its own."""
    try:
        return space.booking_policy
    except SpacePolicy.DoesNotExist:
        return SpacePolicy(space=space)


def rule_errors(*, space: Space, policy: SpacePolicy, starts_at, ends_at, now) -> dict[str, str]:
    """What the space's rules say against a booking from ``starts_at`` to ``ends_at``."""
    errors = {}
    if ends_at - starts_at > datetime.timedelta(hours=policy.max_hours):
        errors["ends_at"] = _("This space can be booked for at most %(hours)d hours.") % {
            "hours": policy.max_hours
        }
    if starts_at > now + datetime.timedelta(days=policy.horizon_days):
        errors["starts_at"] = _("This space can be booked at most %(days)d days ahead.") % {
            "days": policy.horizon_days
        }
    if not _within_opening_hours(space, starts_at, ends_at):
        errors.setdefault("starts_at", _("The branch is not open for the whole of that time."))
    return errors


def _within_opening_hours(space: Space, starts_at, ends_at) -> bool:
    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    if start.date() != end.date():
        return False
    day = opening_day(space.branch, start.date())
    return any(opens <= start.time() and end.time() <= closes for opens, closes in day.periods)


# Moments outside these years are typing errors (and near year 1 or 9999 the buffers would
# overflow the calendar).
EARLIEST = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
LATEST = datetime.datetime(2100, 1, 1, tzinfo=datetime.UTC)


def _check_input(booking: Booking) -> None:
    """Field-level validation; also refuses ranges no rule could allow, before any lock."""
    for name in ("starts_at", "ends_at"):
        moment = getattr(booking, name)
        if moment and not EARLIEST <= moment < LATEST:
            raise ValidationError({name: _("Choose a moment in this century.")})
    if booking.starts_at and booking.ends_at:
        booking.set_block()
    booking.full_clean(
        exclude=["activity", "blocked_from", "blocked_until"], validate_constraints=False
    )
    if booking.ends_at <= booking.starts_at:
        raise ValidationError({"ends_at": _("The end must lie after the start.")})
    if booking.blocked_until - booking.blocked_from > LONGEST_BLOCK:
        raise ValidationError({"ends_at": _("A booking holds a space for at most a year.")})


def _ensure_staff_for(actor, space: Space) -> None:
    if not scoping.can_edit_branch(actor, space.branch_id):
        raise PermissionDenied(_("You may not book spaces of this branch."))


def _lock_and_check(
    booking: Booking, *, ignore: int | None = None, check_status: str = Booking.Status.CONFIRMED
) -> None:
    """Inside the transaction: lock the space; for a booking of ``check_status`` (a
    confirmed one, or a request that must not ask for a taken time) refuse an overlap with
    a confirmed booking."""
    list(Space.objects.select_for_update(no_key=True).filter(pk=booking.space_id).values("pk"))
    if booking.status not in (Booking.Status.CONFIRMED, check_status):
        return
    conflicts = [
        b
        for b in overlapping(
            space_ids=[booking.space_id],
            start=booking.blocked_from,
            end=booking.blocked_until,
            statuses=[Booking.Status.CONFIRMED],
        )
        if b.pk != ignore
    ]
    if conflicts:
        raise BookingConflict(conflicts)


def _save_checked(
    booking: Booking, *, ignore: int | None = None, check_status: str = Booking.Status.CONFIRMED
) -> None:
    try:
        with writer_turn(), transaction.atomic():
            _lock_and_check(booking, ignore=ignore, check_status=check_status)
            booking.save()
    except IntegrityError:
        # The exclusion constraint (PostgreSQL) saw an overlap the check did not: only a
        # write that bypassed this service can have caused it. Report it the same way.
        conflicts = list(
            overlapping(
                space_ids=[booking.space_id],
                start=booking.blocked_from,
                end=booking.blocked_until,
                statuses=[Booking.Status.CONFIRMED],
            )
        )
        if conflicts:
            raise BookingConflict(conflicts) from None
        raise


def _staff_booking(actor, space, policy, starts_at, ends_at, **fields) -> Booking:
    """A confirmed booking by staff, with the space's buffers unless others are given."""
    setup, cleanup = fields.pop("setup_minutes"), fields.pop("cleanup_minutes")
    return Booking(
        space=space,
        starts_at=starts_at,
        ends_at=ends_at,
        setup_minutes=policy.setup_minutes if setup is None else setup,
        cleanup_minutes=policy.cleanup_minutes if cleanup is None else cleanup,
        title=fields.pop("title").strip(),
        override_reason=fields.pop("override_reason").strip(),
        status=Booking.Status.CONFIRMED,
        created_by=actor,
        **fields,
    )


def booking_create(
    *,
    actor,
    space: Space,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    title: str,
    purpose: str = Booking.Purpose.INTERNAL,
    setup_minutes: int | None = None,
    cleanup_minutes: int | None = None,
    override_reason: str = "",
    expected_people: int | None = None,
    notes: str = "",
) -> Booking:
    """Staff book a space (confirmed at once). Raises ``ValidationError`` (bad input, or a
    rule broken without a reason), ``BookingConflict`` or ``PermissionDenied``."""
    _ensure_staff_for(actor, space)
    policy = policy_for(space)
    booking = _staff_booking(
        actor,
        space,
        policy,
        starts_at,
        ends_at,
        title=title,
        purpose=purpose,
        setup_minutes=setup_minutes,
        cleanup_minutes=cleanup_minutes,
        override_reason=override_reason,
        notes=notes,
    )
    booking.expected_people = expected_people
    _check_input(booking)
    errors = _rules_kept_or_reason(booking, policy)
    _save_checked(booking)
    audit_record(
        actor=actor,
        code="bookings.booking.created",
        target=booking,
        changes={
            "space": [None, space.pk],
            "starts_at": [None, starts_at.isoformat()],
            "ends_at": [None, ends_at.isoformat()],
            **({"override_reason": [None, booking.override_reason]} if errors else {}),
        },
    )
    return booking


def _rules_kept_or_reason(booking: Booking, policy: SpacePolicy) -> dict[str, str]:
    """The space's rules the booking breaks, allowed only with an override reason (staff)."""
    space = booking.space
    errors = rule_errors(
        space=space,
        policy=policy,
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        now=timezone.now(),
    )
    if booking.expected_people and booking.expected_people > space.capacity:
        errors["expected_people"] = _("This space holds at most %(n)d people.") % {
            "n": space.capacity
        }
    if errors and not booking.override_reason:
        raise ValidationError(
            {**errors, "override_reason": _("Give a reason to book outside the rules.")}
        )
    return errors


CHANGEABLE = ("space_id", "starts_at", "ends_at", "title", "purpose", "expected_people", "notes")


def booking_change(
    *,
    actor,
    booking: Booking,
    space: Space,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    title: str,
    purpose: str,
    expected_people: int | None = None,
    notes: str = "",
    override_reason: str = "",
) -> Booking:
    """Staff move a booking to another time or space, or rename it, checked as a new one
    (rules, overlap under the lock). One date of a repeating booking changes alone: an
    exception to its series. A requester is told. An activity's booking follows the
    activity, so it is changed there, not here."""
    _ensure_staff_for(actor, booking.space)
    _ensure_staff_for(actor, space)
    if booking.activity_id:
        raise ValidationError({"space": _("This booking follows its activity; change that.")})
    if booking.status not in Booking.LIVE:
        raise ValidationError({"starts_at": _("This booking is no longer held.")})
    before = {name: getattr(booking, name) for name in CHANGEABLE}
    booking.space, booking.starts_at, booking.ends_at = space, starts_at, ends_at
    booking.title, booking.purpose, booking.notes = title.strip(), purpose, notes
    booking.expected_people = expected_people
    booking.override_reason = override_reason.strip()
    _check_input(booking)
    errors = _rules_kept_or_reason(booking, policy_for(space))
    _save_checked(booking, ignore=booking.pk, check_status=Booking.Status.TENTATIVE)
    changes = {
        name: [_plain(old), _plain(getattr(booking, name))]
        for name, old in before.items()
        if old != getattr(booking, name)
    }
    if errors:
        changes["override_reason"] = [None, booking.override_reason]
    audit_record(actor=actor, code="bookings.booking.changed", target=booking, changes=changes)
    if booking.requester_email and {"space_id", "starts_at", "ends_at"} & changes.keys():
        from .requests import tell_requester  # requests builds on this module

        tell_requester(booking, "changed")
    return booking


def _plain(value):
    return value.isoformat() if isinstance(value, datetime.datetime) else value


def booking_cancel(*, actor, booking: Booking, reason: str = "") -> Booking:
    """Staff cancel a booking. One asked for by a resident or partner needs a reason: they
    are mailed it, as for a declined request."""
    _ensure_staff_for(actor, booking.space)
    requested = booking.requester_email and booking.status in Booking.LIVE
    if requested and not reason.strip():
        raise ValidationError({"reason": _("Give a reason; the requester reads it.")})
    if requested:
        booking.decision_reason = reason.strip()[:300]
        booking.save(update_fields=["decision_reason", "updated_at"])
    _cancel(booking, actor=actor, reason=reason)
    if requested:
        from .requests import tell_requester  # requests builds on this module

        tell_requester(booking, "cancelled")
    return booking


def _cancel(booking: Booking, *, actor, reason: str) -> Booking:
    if booking.status in (Booking.Status.CANCELLED, Booking.Status.DECLINED):
        return booking
    old = booking.status
    booking.status = Booking.Status.CANCELLED
    booking.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        code="bookings.booking.cancelled",
        target=booking,
        changes={"status": [old, booking.status], "reason": reason.strip()[:300]},
    )
    return booking


def bookings_follow_activity(
    *, activity: Activity, actor, tentative: bool = False
) -> Booking | None:
    """Keep an activity's room booking in step with the activity (called by the programme
    services inside their transaction): book its space for its time, move the booking when
    the time or space changes, release it when the space is taken away or the activity is
    cancelled. A taken space raises ``ValidationError`` on the field ``space``.

    Staff of the branch confirm the booking (unless they ask for a ``tentative`` hold).
    Anyone else who may draft the activity (a partner) only holds the space tentatively: a
    taken time is refused all the same, and the hold is confirmed, after the check, once
    staff save or publish the activity."""
    current = Booking.objects.filter(activity=activity, status__in=Booking.LIVE).first()
    wanted = activity.space_id and activity.status != Activity.Status.CANCELLED
    if not wanted:
        if current:
            _cancel(current, actor=actor, reason="activity")
        return None
    staff = scoping.can_edit_branch(actor, activity.branch_id) and not tentative
    unmoved = current and (current.space_id, current.starts_at, current.ends_at) == (
        activity.space_id,
        activity.starts_at,
        activity.ends_at,
    )
    if unmoved and (current.status == Booking.Status.CONFIRMED or not staff):
        return current
    policy = policy_for(activity.space)
    booking = current or Booking(
        activity=activity,
        purpose=Booking.Purpose.ACTIVITY,
        created_by=actor if getattr(actor, "pk", None) else None,
        setup_minutes=policy.setup_minutes,
        cleanup_minutes=policy.cleanup_minutes,
    )
    booking.status = Booking.Status.CONFIRMED if staff else Booking.Status.TENTATIVE
    booking.space_id = activity.space_id
    booking.title = activity.title[:200]
    booking.starts_at, booking.ends_at = activity.starts_at, activity.ends_at
    booking.set_block()
    try:
        _save_checked(booking, ignore=booking.pk, check_status=Booking.Status.TENTATIVE)
    except BookingConflict as conflict:
        # Only the branch's staff may know whose booking is in the way; a partner drafting
        # the activity (or anyone else) hears that the time is taken, as residents do.
        knows = scoping.can_edit_branch(actor, activity.branch_id)
        message = conflict_message(conflict) if knows else TAKEN_FOR_THE_PUBLIC
        raise ValidationError({"space": message}) from None
    return booking


# What a resident or partner hears when the time is taken: not by whom.
TAKEN_FOR_THE_PUBLIC = _("That time is already booked. Please choose another time.")


def conflict_message(conflict: BookingConflict) -> str:
    first = conflict.conflicts[0]
    start = timezone.localtime(first.blocked_from)
    end = timezone.localtime(first.blocked_until)
    return _("This space is already booked then: %(title)s, %(start)s–%(end)s.") % {
        "title": first.title,
        "start": start.strftime("%d-%m-%Y %H:%M"),
        "end": end.strftime("%H:%M"),
    }
