"""Lotteries for oversubscribed activities: everyone who registers within the window has
the same chance; after it closes one reproducible draw decides (method in
``models.LotteryDraw``). The seed and method are published on the activity page, so anyone
holding a lottery number can check their place in the draw order.
"""

import hashlib
import secrets

from django.utils.translation import gettext_lazy as _

from ontmoet.core.audit import audit_record
from ontmoet.programme.models import Activity

from .capacity import Locked, join_waitlist, locked_activity, set_status
from .models import LotteryDraw, Registration
from .services import RegistrationRefused, registration_window


def draw_key(seed: int, number: int) -> str:
    return hashlib.sha256(f"{seed}:{number}".encode()).hexdigest()


def draw_order(seed: int, numbers) -> list[int]:
    return sorted(numbers, key=lambda number: draw_key(seed, number))


def lottery_draw(*, activity_id: int, actor=None, seed: int | None = None) -> LotteryDraw:
    """Draw once, after registration has closed: quotas first, then the rest, then the
    waiting list, all in draw order."""
    with locked_activity(activity_id) as state:
        activity = state.activity
        if activity.allocation != Activity.Allocation.LOTTERY:
            raise RegistrationRefused("no_lottery", _("This activity has no lottery."))
        if LotteryDraw.objects.filter(pk=activity_id).exists():
            raise RegistrationRefused("drawn", _("The lottery has already been drawn."))
        if state.now < registration_window(activity)[1]:
            raise RegistrationRefused("still_open", _("Registration is still open."))
        seed = secrets.randbits(62) if seed is None else seed
        entries = {
            r.entry_number: r
            for r in Registration.objects.filter(
                activity=activity, status=Registration.Status.ENTERED
            )
        }
        order = draw_order(seed, entries)
        placed: set[int] = set()
        for group, percent in (
            (Registration.Priority.FIRST_TIME, activity.lottery_quota_first_time),
            (Registration.Priority.DISTRICT, activity.lottery_quota_district),
        ):
            if percent and activity.capacity:
                reserved = activity.capacity * percent // 100
                for number in order:
                    entry = entries[number]
                    if number in placed or group not in entry.priority:
                        continue
                    if entry.seats <= min(reserved, state.free):
                        _win(state, entry)
                        placed.add(number)
                        reserved -= entry.seats
        for number in order:
            entry = entries[number]
            if number not in placed and (state.free is None or entry.seats <= state.free):
                _win(state, entry)
                placed.add(number)
        for number in order:
            if number not in placed:
                entry = entries[number]
                join_waitlist(state, entry)
                set_status(state, entry, Registration.Status.WAITLISTED)
                state.notify(entry, "not_drawn")
        draw = LotteryDraw.objects.create(
            activity=activity,
            seed=seed,
            drawn_at=state.now,
            drawn_by=actor if getattr(actor, "pk", None) else None,
            entries=len(entries),
            winners=len(placed),
            order=order,
        )
        audit_record(
            actor=actor,
            code="registrations.lottery.drawn",
            target=activity,
            changes={"seed": seed, "entries": len(entries), "winners": len(placed)},
        )
    return draw


def _win(state: Locked, entry: Registration) -> None:
    set_status(state, entry, Registration.Status.CONFIRMED)
    state.notify(entry, "drawn")


def draw_due_lotteries(now) -> int:
    """Draw every published lottery whose registration has closed (run every minute)."""
    due = Activity.objects.filter(
        allocation=Activity.Allocation.LOTTERY,
        status=Activity.Status.PUBLISHED,
        registration_closes_at__lte=now,
        lottery_draw__isnull=True,
    ).values_list("pk", flat=True)
    for activity_id in due:
        lottery_draw(activity_id=activity_id)
    return len(due)
