"""Demo room bookings: rules for the spaces by their kind, and the life of the branches around
the programme — team meetings, a partner's language café, homework help as repeating
bookings from a year back to eight weeks ahead, and exhibitions of seven weeks. Made through
the bookings services (so their rules and the overlap check apply); a week the programme
has the room, or the branch is closed, is skipped. Only where no booking other than an
activity's exists yet."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from ontmoet.bookings.models import Booking, SpacePolicy
from ontmoet.bookings.services import (
    BookingConflict,
    SeriesConflict,
    booking_create,
    booking_request_create,
    booking_series_create,
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


def load_bookings(*, actor, today: datetime.date, weeks_back: int = 52) -> int:
    """The weekly life of every branch as repeating bookings, from ``weeks_back`` weeks ago
    to eight weeks ahead; only where no booking other than an activity's exists yet."""
    if Booking.objects.filter(activity__isnull=True).exists():
        return 0
    made = 0
    spaces = list(Space.objects.select_related("branch").order_by("branch__name", "name"))
    monday = today - datetime.timedelta(days=today.weekday())
    first_monday = monday - datetime.timedelta(weeks=weeks_back)
    until = (monday + datetime.timedelta(weeks=WEEKS_AHEAD)).strftime("%Y%m%d")
    for title, purpose, kinds, weekday, (hour, minute), hours in WEEKLY:
        first_day = first_monday + datetime.timedelta(days=weekday)
        start = timezone.make_aware(
            datetime.datetime.combine(first_day, datetime.time(hour, minute))
        )
        for branch_spaces in _by_branch(spaces).values():
            space = next((s for k in kinds for s in branch_spaces if s.kind == k), None)
            if space is None:
                continue
            try:
                _, booked, _ = booking_series_create(
                    actor=actor,
                    space=space,
                    rule=f"FREQ=WEEKLY;UNTIL={until}",
                    starts_at=start,
                    ends_at=start + datetime.timedelta(hours=hours),
                    title=title,
                    purpose=purpose,
                    # The weeks the programme has the room, and the closing days.
                    skip_taken=True,
                )
                made += len(booked)
            except (SeriesConflict, ValidationError):
                continue  # the branch is never open then, or the programme holds every date
    return made + _load_exhibitions(actor=actor, first_monday=first_monday, until=monday)


# Exhibitions hang for weeks: a booking held across days, outside the rules with a reason.
EXHIBITIONS = [
    "Den Haag in kaart: 400 jaar stadsplattegronden",
    "Vrijheid van meningsuiting: persfoto's uit de Hofstad",
    "Nieuwe Hagenaars: portretten uit de Schilderswijk",
    "Zine-makers van Den Haag",
    "Het boek als kunstwerk",
    "Strips uit Transvaal",
]
WEEKS_AHEAD = 8


def _load_exhibitions(*, actor, first_monday: datetime.date, until: datetime.date) -> int:
    made = 0
    for space in Space.objects.filter(kind="exhibition").select_related("branch"):
        monday, titles = first_monday, iter(EXHIBITIONS)
        while monday < until + datetime.timedelta(weeks=WEEKS_AHEAD):
            title = next(titles, None)
            if title is None:
                break
            start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time(10)))
            end = start + datetime.timedelta(weeks=7, hours=7)
            try:
                booking_create(
                    actor=actor,
                    space=space,
                    starts_at=start,
                    ends_at=end,
                    title=title,
                    purpose=Booking.Purpose.INTERNAL,
                    override_reason="Tentoonstelling: de zaal is de hele periode in gebruik.",
                )
                made += 1
            except (BookingConflict, ValidationError):
                pass
            monday += datetime.timedelta(weeks=8)
    return made


# Requests waiting for a decision: (title, name, organisation, weekday, start, hours,
# people). A request for an organisation goes to a space lent to partners.
REQUESTS = [
    ("Buurtoverleg over de speeltuin", "Fatima el Amrani", "", 2, (14, 0), 2, 12),
    ("Oefenen voor het inburgeringsexamen", "Ewa Kowalski", "", 3, (10, 0), 2, 6),
    ("Schaakclub voor senioren", "Kees Visser", "", 4, (13, 0), 3, 10),
    (
        "Voorlichting over schuldhulp",
        "Aziz Boukhari",
        "Stichting Schuldhulpmaatje Den Haag",
        1,
        (10, 0),
        2,
        20,
    ),
]


def load_requests(*, today: datetime.date) -> int:
    """A few requests in next week, where a room takes them and is free."""
    if Booking.objects.filter(purpose=Booking.Purpose.RESIDENT).exists():
        return 0
    rooms = {
        kind: iter(
            Space.objects.filter(booking_policy__bookable_by=kind)
            .select_related("branch", "booking_policy")
            .order_by("branch__name", "name")
        )
        for kind in ("residents", "partners")
    }
    monday = today + datetime.timedelta(days=7 - today.weekday())
    made = 0
    with without_requester_mail():
        for title, name, organisation, weekday, (hour, minute), hours, people in REQUESTS:
            room = next(rooms["partners" if organisation else "residents"], None)
            if room is None:
                continue
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
                    organisation=organisation,
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
