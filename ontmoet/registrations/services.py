"""Writes to registrations: every one inside ``capacity.locked_activity``.

A refused request raises ``RegistrationRefused`` (closed, full, a second registration for
the same address) or Django's ``ValidationError`` (bad input) before anything is written.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.core.audit import audit_record
from ontmoet.programme.models import Activity

from . import statements
from .capacity import (
    POSITION_GAP,
    Locked,
    count,
    end,
    join_waitlist,
    locked_activity,
    set_status,
    token_insert,
)
from .models import AccessToken, LotteryDraw, Registration
from .tokens import digest, new_token


class RegistrationRefused(Exception):
    """The request is understood but cannot be honoured now (HTTP 409)."""

    def __init__(self, code: str, message):
        super().__init__(str(message))
        self.code = code
        self.message = message


@dataclass
class Applicant:
    """What a resident (or staff on their behalf) tells us."""

    name: str
    seats: int
    email: str = ""
    phone: str = ""
    needs: tuple[str, ...] = ()
    language: str = "nl"
    # Lottery priority groups the applicant says they belong to (Registration.Priority).
    priority: tuple[str, ...] = ()


def registration_window(activity: Activity) -> tuple[datetime.datetime | None, datetime.datetime]:
    return activity.registration_opens_at, activity.registration_closes_at or activity.starts_at


def refusal(activity: Activity, now: datetime.datetime) -> RegistrationRefused | None:
    """Why nobody can register for this activity now, or None."""
    if activity.status == Activity.Status.CANCELLED:
        return RegistrationRefused("cancelled", _("This activity has been cancelled."))
    if activity.status != Activity.Status.PUBLISHED:
        return RegistrationRefused("not_published", _("This activity is not published."))
    if activity.registration_mode != Activity.RegistrationMode.REQUIRED:
        return RegistrationRefused(
            "not_needed", _("This activity needs no registration: just walk in.")
        )
    opens, closes = registration_window(activity)
    if opens and now < opens:
        return RegistrationRefused("not_open", _("Registration has not opened yet."))
    if now >= closes:
        return RegistrationRefused("closed", _("Registration has closed."))
    return None


def _validate(activity: Activity, applicant: Applicant, *, assisted: bool) -> None:
    errors = {}
    if not applicant.name.strip():
        errors["name"] = _("Enter your name.")
    if not 1 <= applicant.seats <= activity.max_seats_per_registration:
        errors["seats"] = _("Choose between 1 and %(max)d places.") % {
            "max": activity.max_seats_per_registration
        }
    if not applicant.email and not (assisted and applicant.phone):
        errors["email"] = _("Enter your email address.")
    if set(applicant.needs) - set(Registration.Need.values):
        errors["needs"] = _("Unknown need.")
    if set(applicant.priority) - set(Registration.Priority.values):
        errors["priority"] = _("Unknown priority group.")
    if errors:
        raise ValidationError(errors)


def registration_create(
    *,
    activity_id: int,
    applicant: Applicant,
    channel: str = Registration.Channel.ONLINE,
    actor=None,
    token: str | None = None,
) -> Registration:
    """Register for an activity: confirmed while places last, else on the waiting list.

    ``token`` is the secret the caller will show (a resubmitted form carries the same one:
    the existing registration is returned, nothing new is written). The returned
    registration carries it as ``.token`` and ``.replayed`` tells whether it existed.
    """
    assisted = channel == Registration.Channel.ASSISTED
    email = applicant.email.strip().lower()
    registration = Registration(
        activity_id=activity_id,
        seats=applicant.seats,
        name=applicant.name.strip(),
        email=email,
        phone=applicant.phone.strip(),
        needs=sorted(set(applicant.needs)),
        priority=sorted(set(applicant.priority)),
        language=applicant.language,
        channel=channel,
        registered_by=actor if assisted else None,
        status=Registration.Status.CONFIRMED,
    )
    registration.full_clean(exclude=["activity", "status"], validate_constraints=False)
    try:
        return _create(registration, applicant, token=token, actor=actor)
    except IntegrityError:
        # The constraint registration_one_per_email refuses a second live registration of
        # an address (the whole transaction is gone): no query is spent on asking first.
        if email and _has_live_registration(activity_id, email):
            raise RegistrationRefused(
                "duplicate",
                _("This email address already has a registration for this activity."),
            ) from None
        raise


def _create(registration: Registration, applicant: Applicant, *, token, actor) -> Registration:
    assisted = registration.channel == Registration.Channel.ASSISTED
    with locked_activity(registration.activity_id) as state:
        if token and (existing := _by_token(token)) is not None:
            existing.token, existing.replayed = token, True
            return existing
        refused = refusal(state.activity, state.now)
        if refused and not (assisted and refused.code in {"not_open", "closed"}):
            raise refused
        _validate(state.activity, applicant, assisted=assisted)
        registration.activity = state.activity  # for the caller, without another query
        _place(state, registration)
        statements.instance_insert(registration)
        count(state.tally, registration, 1)
        if registration.status == Registration.Status.WAITLISTED:
            # Appended at the end: its place in line is the length of the line (no COUNT).
            registration.queue_place = state.tally.waitlisted_entries
        registration.token = token or new_token()
        state.writes += token_insert(registration, registration.token)
        registration.replayed = False
        state.notify(registration, registration.status)
        if assisted:
            audit_record(
                actor=actor,
                code="registrations.registration.assisted",
                target=registration,
                changes={
                    "seats": [None, registration.seats],
                    "status": [None, registration.status],
                },
            )
    return registration


def _by_token(token: str) -> Registration | None:
    row = AccessToken.objects.filter(digest=digest(token)).select_related("registration").first()
    return row.registration if row else None


def _has_live_registration(activity_id: int, email: str) -> bool:
    return Registration.objects.filter(
        activity_id=activity_id,
        email=email,
        status__in=Registration.ACTIVE,
        split_from__isnull=True,
    ).exists()


def _place(state: Locked, registration: Registration) -> None:
    if state.activity.allocation == Activity.Allocation.LOTTERY and not _drawn(state.activity):
        registration.status = Registration.Status.ENTERED
        state.tally.last_entry_number += 1
        registration.entry_number = state.tally.last_entry_number
        return
    free = state.free
    if free is None or (registration.seats <= free and not state.tally.waitlisted_entries):
        registration.status = Registration.Status.CONFIRMED
        registration.confirmed_at = state.now
    elif state.activity.waitlist_mode == Activity.WaitlistMode.NONE:
        raise RegistrationRefused("full", _("This activity is full."))
    else:
        # Behind everyone already waiting, even if it would fit: the queue is fair.
        registration.status = Registration.Status.WAITLISTED
        join_waitlist(state, registration)


def _drawn(activity: Activity) -> bool:
    return LotteryDraw.objects.filter(pk=activity.pk).exists()


def _relock(state: Locked, registration: Registration) -> Registration:
    return Registration.objects.get(pk=registration.pk, activity_id=state.activity.pk)


def registration_cancel(
    *, registration: Registration, actor=None, ending=Registration.Ending.BY_REGISTRANT
) -> Registration:
    """Give up the places or the waiting-list entry; freed places go to the waiting list."""
    with locked_activity(registration.activity_id) as state:
        registration = _relock(state, registration)
        if not registration.is_active:
            return registration
        end(state, registration, ending, message="cancelled")
        if getattr(actor, "pk", None):
            audit_record(
                actor=actor,
                code="registrations.registration.cancelled",
                target=registration,
                changes={"status": ["active", "cancelled"]},
            )
    return registration


def registration_change_seats(*, registration: Registration, seats: int) -> Registration:
    """Ask for more or fewer places. More places for a confirmed registration only while
    they are free and nobody is waiting; fewer always."""
    with locked_activity(registration.activity_id) as state:
        registration = _relock(state, registration)
        if not registration.is_active:
            raise RegistrationRefused("ended", _("This registration has ended."))
        if not 1 <= seats <= state.activity.max_seats_per_registration:
            raise ValidationError(
                {
                    "seats": _("Choose between 1 and %(max)d places.")
                    % {"max": state.activity.max_seats_per_registration}
                }
            )
        extra = seats - registration.seats
        if extra > 0 and registration.holds_seats:
            free = state.free
            if free is not None and (extra > free or state.tally.waitlisted_entries):
                raise RegistrationRefused(
                    "full", _("There are not enough free places for this change.")
                )
        count(state.tally, registration, -1)
        registration.seats = seats
        count(state.tally, registration, 1)
        registration.save(update_fields=["seats", "updated_at"])
    return registration


def registration_accept_offer(*, registration: Registration) -> Registration:
    with locked_activity(registration.activity_id) as state:
        registration = _relock(state, registration)
        if registration.status != Registration.Status.OFFERED:
            raise RegistrationRefused(
                "no_offer", _("There is no offered place to accept (any more).")
            )
        set_status(state, registration, Registration.Status.CONFIRMED)
        state.notify(registration, "confirmed")
    return registration


def waitlist_move(*, registration: Registration, before: Registration | None, actor, reason: str):
    """Staff move a waiting-list entry in front of ``before`` (or to the end), with a reason."""
    if not reason.strip():
        raise ValidationError({"reason": _("Give a reason; it is logged.")})
    with locked_activity(registration.activity_id) as state:
        registration = _relock(state, registration)
        if registration.status != Registration.Status.WAITLISTED:
            raise RegistrationRefused("not_waiting", _("This entry is not on the waiting list."))
        old = registration.position
        registration.position = _position_before(state, before)
        registration.save(update_fields=["position", "updated_at"])
        audit_record(
            actor=actor,
            code="registrations.waitlist.moved",
            target=registration,
            changes={"position": [old, registration.position], "reason": reason.strip()[:300]},
        )
    return registration


def _position_before(state: Locked, before: Registration | None) -> int:
    if before is None:
        join_waitlist(state, Registration())
        return state.tally.last_position
    before = _relock(state, before)
    waiting = Registration.objects.filter(
        activity=state.activity, status=Registration.Status.WAITLISTED
    )
    previous = (
        waiting.filter(position__lt=before.position)
        .order_by("-position")
        .values_list("position", flat=True)
        .first()
    )
    low = previous if previous is not None else before.position - 2 * POSITION_GAP
    if before.position - low < 2:
        _renumber(state)
        return _position_before(state, before)
    return (low + before.position) // 2


def _renumber(state: Locked) -> None:
    waiting = Registration.objects.filter(
        activity=state.activity, status=Registration.Status.WAITLISTED
    ).order_by("position")
    for index, entry in enumerate(waiting, start=1):
        entry.position = index * POSITION_GAP
        entry.save(update_fields=["position"])
    state.tally.last_position = max(state.tally.last_position, index * POSITION_GAP)


def registration_check_in(*, registration: Registration, actor, present: bool = True):
    """Mark a registrant present (or undo it) at the door."""
    if not registration.holds_seats:
        raise RegistrationRefused("not_confirmed", _("This registration holds no places."))
    moment = timezone.now() if present else None
    Registration.objects.filter(pk=registration.pk).update(checked_in_at=moment)
    registration.checked_in_at = moment
    if actor is not None:  # staff at the door; self check-in is the resident's own act
        audit_record(
            actor=actor,
            code="registrations.registration.checked_in"
            if present
            else "registrations.checkin.undone",
            target=registration,
        )
    return registration


def walk_ins_count(*, activity_id: int, delta: int, actor) -> int:
    """Count people who came in without registering (drop-in activities, or spare places)."""
    with locked_activity(activity_id) as state:
        before = state.tally.walk_ins
        state.tally.walk_ins = max(0, before + max(-1, min(1, delta)))
        if state.tally.walk_ins != before:
            audit_record(
                actor=actor,
                code="registrations.walk_ins.counted",
                target=state.activity,
                changes={"walk_ins": [before, state.tally.walk_ins]},
            )
    return state.tally.walk_ins


# What residents must hear about when it changes.
ANNOUNCED_FIELDS = ("starts_at", "ends_at", "branch_id", "space_id")


def registrations_follow_activity(
    *, activity_id: int, before: dict, announce: bool = False
) -> None:
    """Bring registrations in line after the programme services changed an activity (inside
    their transaction): refuse a capacity below the places already given, hand raised
    capacity to the waiting list, tell registrants of a new time or place, and end every
    registration of a cancelled activity."""
    with locked_activity(activity_id) as state:
        activity, tally = state.activity, state.tally
        held = tally.confirmed_seats + tally.offered_seats
        if activity.capacity is not None and activity.capacity < held:
            raise ValidationError(
                {
                    "capacity": _(
                        "%(held)d places are already given; the capacity cannot be lower."
                    )
                    % {"held": held}
                }
            )
        live = Registration.objects.filter(activity_id=activity_id, status__in=Registration.ACTIVE)
        if activity.status == Activity.Status.CANCELLED and before.get("status") != activity.status:
            for registration in live:
                end(
                    state,
                    registration,
                    Registration.Ending.ACTIVITY_CANCELLED,
                    message="activity_cancelled",
                )
        elif announce or any(
            before.get(f, getattr(activity, f)) != getattr(activity, f) for f in ANNOUNCED_FIELDS
        ):
            for registration in live:
                state.notify(registration, "changed")
