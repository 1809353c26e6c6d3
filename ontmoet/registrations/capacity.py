"""The scarce part: places at one activity, counted and handed out under a lock.

Everything that can change who holds a place runs inside ``locked_activity``. On PostgreSQL
that transaction holds the activity's row lock (``FOR NO KEY UPDATE``, which still lets new
registrations reference the row); on SQLite ``select_for_update`` does nothing, but every
transaction there is IMMEDIATE (settings), so it holds the database's write lock from its
first statement. Either way, two changes to one activity's places never interleave, and the
``Tally`` read inside the lock is the truth.

Mails are written to the outbox in the same transaction and sent after the commit.
"""

import contextvars
import dataclasses
import datetime
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone

from ontmoet.core.writer_turn import writer_turn
from ontmoet.programme.models import Activity

from . import statements
from .models import AccessToken, OutboxMessage, Registration, Tally
from .outbox import outbox_kick
from .tokens import digest, new_token

# What a placed part of a household copies from the entry it was split from.
PERSONAL_FIELDS = ("name", "email", "phone", "needs", "language", "channel", "registered_by_id")
# Gap between waiting-list orders, so an entry can be moved between two others.
POSITION_GAP = 1024
# The activity's columns read under the lock: what the decisions on places, the answers and
# the change notices use. (Any other column still loads when asked, with a query of its own.)
LOCKED_FIELDS = (
    "status",
    "registration_mode",
    "registration_opens_at",
    "registration_closes_at",
    "starts_at",
    "ends_at",
    "branch_id",
    "space_id",
    "capacity",
    "max_seats_per_registration",
    "allocation",
    "waitlist_mode",
    "allow_split",
    "offer_hours",
    "erase_after_days",
    "lottery_quota_first_time",
    "lottery_quota_district",
)
# Set while loading demo or imported data: nobody is to be mailed.
_SILENT = contextvars.ContextVar("registrations_silent", default=False)


@contextmanager
def without_mail() -> Iterator[None]:
    reset = _SILENT.set(True)
    try:
        yield
    finally:
        _SILENT.reset(reset)


@dataclasses.dataclass
class Locked:
    activity: Activity
    tally: Tally
    now: datetime.datetime
    # Mails to write to the outbox with the change.
    messages: list[OutboxMessage] = dataclasses.field(default_factory=list)
    # Inserts that need no answer, sent with the tally's update as the lock ends.
    writes: list[statements.Statement] = dataclasses.field(default_factory=list)

    @property
    def free(self) -> int | None:
        return self.tally.seats_available(self.activity.capacity)

    def notify(self, registration: Registration, kind: str) -> None:
        if registration.email and not _SILENT.get():
            self.messages.append(OutboxMessage(registration=registration, kind=kind))


def token_insert(registration: Registration, token: str) -> list[statements.Statement]:
    return statements.rows_insert(
        AccessToken,
        ("digest", "registration_id"),
        [(digest(token), registration.pk)],
        timezone.now(),
    )


def issue_token(registration: Registration, token: str | None = None) -> str:
    token = token or new_token()
    statements.run(token_insert(registration, token))
    return token


@contextmanager
def locked_activity(activity_id: int) -> Iterator[Locked]:
    """Hold the lock on one activity's places for the duration of the block."""
    with writer_turn(), transaction.atomic():
        # One statement takes the lock and reads the columns decisions need and the tally.
        activity, tally = statements.activity_locked(activity_id, LOCKED_FIELDS)
        state = Locked(activity=activity, tally=tally, now=timezone.now())
        if tally.offered_seats:
            expire_offers(state)
        yield state
        promote(state)
        tally.version += 1
        writes = [statements.tally_update(tally), *state.writes]
        if state.messages:
            writes += statements.rows_insert(
                OutboxMessage,
                ("registration_id", "kind"),
                [(m.registration.pk, m.kind) for m in state.messages],
                state.now,
            )
            transaction.on_commit(outbox_kick)
        statements.run(writes)


def count(tally: Tally, registration: Registration, sign: int) -> None:
    """Add (sign=1) or remove (sign=-1) a registration's claim in the tally."""
    seats = registration.seats * sign
    if registration.status == Registration.Status.CONFIRMED:
        tally.confirmed_seats += seats
    elif registration.status == Registration.Status.OFFERED:
        tally.offered_seats += seats
    elif registration.status == Registration.Status.WAITLISTED:
        tally.waitlisted_seats += seats
        tally.waitlisted_entries += sign
    elif registration.status == Registration.Status.ENTERED:
        tally.entered_seats += seats
        tally.entered_entries += sign


def set_status(state: Locked, registration: Registration, status: str, **fields) -> None:
    """Move a registration to another status, keeping the tally in step."""
    count(state.tally, registration, -1)
    registration.status = status
    for name, value in fields.items():
        setattr(registration, name, value)
    if status == Registration.Status.CONFIRMED and not registration.confirmed_at:
        registration.confirmed_at = state.now
    if status != Registration.Status.OFFERED:
        registration.offer_expires_at = None
    count(state.tally, registration, 1)
    registration.save()


def end(state: Locked, registration: Registration, ending: str, *, message: str) -> None:
    """Cancel a registration for ``ending`` and tell the registrant with ``message``."""
    set_status(
        state, registration, Registration.Status.CANCELLED, ended_at=state.now, ending=ending
    )
    state.notify(registration, message)


def join_waitlist(state: Locked, registration: Registration) -> None:
    state.tally.last_position += POSITION_GAP
    registration.position = state.tally.last_position


def waitlist_position(registration: Registration) -> int | None:
    """1 for the first entry on the waiting list."""
    if registration.status != Registration.Status.WAITLISTED:
        return None
    return Registration.objects.filter(
        activity_id=registration.activity_id,
        status=Registration.Status.WAITLISTED,
        position__lte=registration.position,
    ).count()


def promotion_allowed(state: Locked) -> bool:
    activity = state.activity
    return (
        activity.status == Activity.Status.PUBLISHED
        and activity.waitlist_mode != Activity.WaitlistMode.NONE
        and state.now < activity.starts_at
    )


def promote(state: Locked) -> None:
    """Give freed places to the waiting list, in its order. An entry that does not fit whole
    is passed over for the next one that does (a household is placed all at once), unless
    the activity allows splitting: then the first in line gets what is free, the rest waits."""
    if not state.tally.waitlisted_entries or not promotion_allowed(state):
        return
    offer = state.activity.waitlist_mode == Activity.WaitlistMode.OFFER
    split = state.activity.allow_split
    while (free := state.free) is None or free > 0:
        queue = Registration.objects.filter(
            activity=state.activity, status=Registration.Status.WAITLISTED
        )
        if free is not None and not split:
            queue = queue.filter(seats__lte=free)
        entry = queue.order_by("position").first()
        if entry is None:
            return
        if free is not None and entry.seats > free:
            entry = split_off(state, entry, free)
        if offer:
            expires = min(
                state.now + datetime.timedelta(hours=state.activity.offer_hours),
                state.activity.starts_at,
            )
            set_status(state, entry, Registration.Status.OFFERED, offer_expires_at=expires)
            state.notify(entry, "offered")
        else:
            set_status(state, entry, Registration.Status.CONFIRMED)
            state.notify(entry, "promoted")


def split_off(state: Locked, entry: Registration, seats: int) -> Registration:
    """Take ``seats`` of a waiting household into a new entry of its own, at the same place in
    line, and return it; the rest keeps waiting under the original."""
    count(state.tally, entry, -1)
    entry.seats -= seats
    count(state.tally, entry, 1)
    entry.save(update_fields=["seats", "updated_at"])
    part = Registration.objects.create(
        activity=state.activity,
        status=Registration.Status.WAITLISTED,
        position=entry.position,
        seats=seats,
        split_from=entry,
        **{name: getattr(entry, name) for name in PERSONAL_FIELDS},
    )
    count(state.tally, part, 1)
    return part


def expire_offers(state: Locked) -> None:
    expired = Registration.objects.filter(
        activity=state.activity,
        status=Registration.Status.OFFERED,
        offer_expires_at__lte=state.now,
    )
    for registration in expired:
        end(state, registration, Registration.Ending.OFFER_EXPIRED, message="offer_expired")
