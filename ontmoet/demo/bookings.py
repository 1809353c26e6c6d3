"""Demo room bookings: rules for the spaces by their kind, and the weekly life of the branches
around the programme — team meetings, a partner's language café, homework help — for the
eight weeks behind and ahead of today. Made through the bookings service (so its rules and
the overlap check apply); a slot that the programme or the branch's hours rule out is
skipped. Only where no booking other than an activity's exists yet."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from ontmoet.bookings.models import Booking, SpacePolicy
from ontmoet.bookings.services import (
    BookingConflict,
    booking_create,
    booking_request_create,
    without_requester_mail,
)
from ontmoet.venues.models import Space

from .content.reference import SPACE_RULES

# What happens weekly: (title, purpose, space kinds, weekday, start, hours).
WEEKLY = [
    ("Teamoverleg", Booking.Purpose.INTERNAL, ("meeting_room", "classroom"), 1, (13, 0), 1),
    (
        "Taalcafé met Vluchtelingenwerk",
        Booking.Purpose.PARTNER,
        ("multipurpose", "classroom", "meeting_room"),
        3,
        (14, 0),
        2,
    ),
    ("Huiswerkbegeleiding", Booking.Purpose.PARTNER, ("classroom", "meeting_room"), 2, (15, 0), 2),
]


def load_space_policies() -> None:
    """The rules of every space of a kind in ``SPACE_RULES`` (before the programme is
    loaded: an activity's booking takes its space's buffers)."""
    for space in Space.objects.filter(kind__in=SPACE_RULES):
        bookable_by, approval, hours, setup, cleanup = SPACE_RULES[space.kind]
        SpacePolicy.objects.get_or_create(
            space=space,
            defaults={
                "bookable_by": bookable_by,
                "needs_approval": approval,
                "max_hours": hours,
                "setup_minutes": setup,
                "cleanup_minutes": cleanup,
            },
        )


def load_bookings(*, actor, today: datetime.date) -> int:
    if Booking.objects.filter(activity__isnull=True).exists():
        return 0
    made = 0
    spaces = list(Space.objects.select_related("branch").order_by("branch__name", "name"))
    monday = today - datetime.timedelta(days=today.weekday())
    for week in range(-8, 9):
        for title, purpose, kinds, weekday, (hour, minute), hours in WEEKLY:
            day = monday + datetime.timedelta(weeks=week, days=weekday)
            start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
            for branch_spaces in _by_branch(spaces).values():
                space = next((s for k in kinds for s in branch_spaces if s.kind == k), None)
                if space is None:
                    continue
                try:
                    booking_create(
                        actor=actor,
                        space=space,
                        starts_at=start,
                        ends_at=start + datetime.timedelta(hours=hours),
                        title=title,
                        purpose=purpose,
                    )
                    made += 1
                except (BookingConflict, ValidationError):
                    continue  # the programme has the room then, or the branch is closed
    return made


# Residents' requests waiting for a decision: (title, name, weekday, start, hours, people).
REQUESTS = [
    ("Buurtoverleg over de speeltuin", "Fatima el Amrani", 2, (14, 0), 2, 12),
    ("Oefenen voor het inburgeringsexamen", "Ewa Kowalski", 3, (10, 0), 2, 6),
    ("Schaakclub voor senioren", "Kees Visser", 4, (13, 0), 3, 10),
]


def load_requests(*, today: datetime.date) -> int:
    """A few residents' requests in next week, where a room takes them and is free."""
    if Booking.objects.filter(purpose=Booking.Purpose.RESIDENT).exists():
        return 0
    rooms = list(
        Space.objects.filter(booking_policy__bookable_by="residents")
        .select_related("branch", "booking_policy")
        .order_by("branch__name", "name")
    )
    monday = today + datetime.timedelta(days=7 - today.weekday())
    made = 0
    with without_requester_mail():
        for (title, name, weekday, (hour, minute), hours, people), room in zip(
            REQUESTS, rooms, strict=False
        ):
            start = timezone.make_aware(
                datetime.datetime.combine(
                    monday + datetime.timedelta(days=weekday), datetime.time(hour, minute)
                )
            )
            try:
                booking_request_create(
                    space=room,
                    starts_at=start,
                    ends_at=start + datetime.timedelta(hours=hours),
                    title=title,
                    name=name,
                    email=f"{name.split()[0].lower()}@example.org",
                    expected_people=min(people, room.capacity),
                )
                made += 1
            except (BookingConflict, ValidationError):
                continue
    return made


def _by_branch(spaces: list[Space]) -> dict[int, list[Space]]:
    grouped: dict[int, list[Space]] = {}
    for space in spaces:
        grouped.setdefault(space.branch_id, []).append(space)
    return grouped
