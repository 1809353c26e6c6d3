"""A year of study-place use for the demo: per zone and open hour, how many people were there
(the history the busy-hours forecast reads), and the seat bookings of every slot — anonymous,
as they are once their slot is over. Today's slots get live bookings with names, and the
Central Library a fresh staff count, so "where can I study now?" shows something.

The numbers follow a plausible rhythm, seeded so every load gives the same year: afternoons
busier than mornings, weekends quieter, exam months full and the summer holiday empty. They
are written in bulk, not through the services: the services book one seat at a time for
today onwards, while this is history — rows the release and erasure jobs have already done
their work on.
"""

import datetime
import random
from collections import defaultdict

from django.utils import timezone

from ontmoet.registrations.tokens import digest
from ontmoet.studyplaces.models import SeatBooking, StudyZone, ZoneCount, ZoneHour
from ontmoet.studyplaces.selectors import slot_times, slots_in
from ontmoet.studyplaces.services import counter_event_record, counter_token_create
from ontmoet.venues.models import OpeningHours

DAYS = 365
SEED = 20261126
BATCH = 5_000

# Share of seats taken by hour of the day, before the other factors.
BY_HOUR = {
    8: 0.15, 9: 0.25, 10: 0.45, 11: 0.6, 12: 0.55, 13: 0.65, 14: 0.8, 15: 0.85,
    16: 0.75, 17: 0.55, 18: 0.45, 19: 0.4, 20: 0.3, 21: 0.2, 22: 0.1,
}  # fmt: skip
BY_WEEKDAY = [1.0, 1.0, 1.0, 1.0, 0.9, 0.6, 0.45]
BY_KIND = {"quiet": 1.0, "group": 0.8, "computers": 0.7}
# Outside the Central Library the study corners are quieter.
BRANCH_FACTOR = 0.6


def season(day: datetime.date) -> float:
    """Exam months fill the study places; holidays empty them."""
    md = (day.month, day.day)
    if (7, 15) <= md <= (8, 31) or md >= (12, 22) or md <= (1, 3):
        return 0.45
    if day.month in (1, 6) or (3, 25) <= md <= (4, 15) or (10, 20) <= md <= (11, 10):
        return 1.25
    return 1.0


def _share(rng: random.Random, zone: StudyZone, day: datetime.date, hour: int) -> float:
    share = BY_HOUR.get(hour, 0.1) * BY_WEEKDAY[day.weekday()] * season(day)
    share *= BY_KIND.get(zone.kind, 1.0) * (1.0 if zone.branch.is_central else BRANCH_FACTOR)
    return max(0.0, min(1.0, share * rng.gauss(1.0, 0.12)))


def _opening(zones: list[StudyZone]) -> dict[tuple[int, int], list[tuple]]:
    """Regular hours per (branch, weekday): the past year had no closures in the demo."""
    hours = defaultdict(list)
    for h in OpeningHours.objects.filter(branch__in={z.branch_id for z in zones}):
        hours[(h.branch_id, h.weekday)].append((h.opens, h.closes))
    return hours


def _open_hours(periods) -> list[int]:
    return sorted(
        {
            hour
            for opens, closes in periods
            for hour in range(opens.hour, closes.hour + (1 if closes.minute else 0))
        }
    )


def load_study_history(*, today: datetime.date, days: int = DAYS) -> tuple[int, int]:
    """(zone hours, seat bookings) for ``days`` before ``today``, where no history exists."""
    zones = list(StudyZone.objects.select_related("branch").order_by("pk"))
    if not zones or ZoneHour.objects.exists():
        return 0, 0
    rng = random.Random(SEED)
    opening = _opening(zones)
    hours, seats = [], []
    erased_at = timezone.now()
    for offset in range(days, 0, -1):
        day = today - datetime.timedelta(days=offset)
        for zone in zones:
            periods = opening.get((zone.branch_id, day.weekday()), [])
            for hour in _open_hours(periods):
                present = round(zone.seats * _share(rng, zone, day, hour))
                hours.append(
                    ZoneHour(zone=zone, day=day, weekday=day.weekday(), hour=hour, present=present)
                )
            if zone.bookable_seats:
                seats.extend(_past_seats(rng, zone, periods, day, erased_at))
    ZoneHour.objects.bulk_create(hours, batch_size=BATCH)
    SeatBooking.objects.bulk_create(seats, batch_size=BATCH)
    return len(hours), len(seats)


def _past_seats(rng, zone, periods, day, erased_at):
    for start, end in slots_in(periods, day, zone.slot_minutes):
        wanted = round(zone.bookable_seats * min(1.0, 1.1 * _share(rng, zone, day, start.hour)))
        for n in range(wanted):
            status, checked_in = rng.choices(
                [("checked_in", True), ("released", False), ("cancelled", False)],
                weights=[80, 14, 6],
            )[0]
            yield SeatBooking(
                zone=zone,
                starts_at=start,
                ends_at=end,
                status=status,
                language="nl",
                token_digest=digest(f"demo-history:{zone.pk}:{start.isoformat()}:{n}"),
                checked_in_at=start + datetime.timedelta(minutes=rng.randint(0, 25))
                if checked_in
                else None,
                ended_at=None if checked_in else start + datetime.timedelta(minutes=30),
                erased_at=erased_at,
            )


def _door_counter_today(rng: random.Random, zone: StudyZone, today, now) -> None:
    """A door counter at the zone that reported in and out at each slot so far today (its
    token is not kept: staff add a counter of their own to try the API)."""
    device, _token = counter_token_create(zone=zone, name="Ingang groepswerkplekken (demo)")
    present = 0
    for start, _end in slot_times(zone, today):
        if start > now:
            break
        wanted = round(zone.seats * _share(rng, zone, today, timezone.localtime(start).hour))
        entered, left = max(0, wanted - present) + 2, max(0, present - wanted) + 2
        counter_event_record(device=device, entered=entered, left=left, now=start)
        present = max(0, present + entered - left)


def load_study_today(*, now: datetime.datetime) -> int:
    """Live seat bookings in today's slots (checked in to the slot under way, booked for
    later ones) and a staff count at the Central Library: only where there are none yet."""
    today = timezone.localdate(now)
    midnight = timezone.make_aware(datetime.datetime.combine(today, datetime.time(0)))
    if SeatBooking.objects.filter(starts_at__gte=midnight).exists():
        return 0
    rng = random.Random(SEED + today.toordinal())
    names = ["Sanne", "Yusuf", "Priya", "Daan", "Noor", "Ahmet", "Lotte", "Bram", "Mila", "Aziz"]
    made = []
    for zone in StudyZone.objects.select_related("branch").filter(bookable_seats__gt=0):
        for start, end in slot_times(zone, today):
            if end <= now:
                continue
            for n in range(rng.randint(0, zone.bookable_seats // 2)):
                name = rng.choice(names)
                under_way = start <= now
                made.append(
                    SeatBooking(
                        zone=zone,
                        starts_at=start,
                        ends_at=end,
                        name=name,
                        email=f"demo.{name.lower()}{zone.pk}{n}@example.org",
                        status="checked_in" if under_way else "booked",
                        checked_in_at=start if under_way else None,
                        token_digest=digest(f"demo-today:{zone.pk}:{start.isoformat()}:{n}"),
                    )
                )
        if zone.branch.is_central and zone.kind == "quiet":
            present = round(zone.seats * _share(rng, zone, today, timezone.localtime(now).hour))
            ZoneCount.objects.create(zone=zone, present=present, source="staff", recorded_at=now)
        if zone.branch.is_central and zone.kind == "group":
            _door_counter_today(rng, zone, today, now)
    SeatBooking.objects.bulk_create(made)
    return len(made)
