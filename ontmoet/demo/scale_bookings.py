"""Many room bookings for benchmarks: five years of the life of every space, generated.

``manage.py generate_scale --bookings N`` tops the generated bookings up to N; their titles
start with ``SCALE_BOOKING_PREFIX``, so they can be counted and removed (``--clear``). They
are spread over five years — three behind today, two ahead — over every space of every
branch, busy rooms busier, days the branch is closed quieter:

- mostly one to three hours between 08:00 and 23:30 local time, in quarter hours;
- with the set-up and clean-up time of the space's rules half of the time, none otherwise;
- a few held for days (``is_long``): exhibitions in an exhibition space, a book fair or a
  festival in a large room;
- mostly confirmed, some cancelled; residents' requests also tentative (ahead) or declined.

Invariants kept:

- ``blocked_from``, ``blocked_until`` and ``is_long`` are set by the model's own
  ``Booking.set_block``, as ``save()`` would;
- the confirmed bookings of one space never overlap in [blocked_from, blocked_until), also
  not with the confirmed bookings already there (the demo's, an earlier run's): each space is
  planned on a timeline of its own, day by day, around what already holds it. (On
  PostgreSQL the exclusion constraint would reject an overlap; on SQLite only the service
  checks it, so the generator must.)

Why this bypasses the bookings service: as for the generated activities (``generate_scale``),
the service locks, checks and audits one booking at a time — hours for half a million rows,
and an audit log full of entries nobody made. Instead the rows are written with
``bulk_create`` in batches of 5,000, one transaction each.
"""

import bisect
import datetime
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from ontmoet.bookings.models import Booking, SpacePolicy
from ontmoet.venues.models import OpeningException, OpeningHours, Space

SCALE_BOOKING_PREFIX = "[schaaltest] "
BATCH = 5_000
DAYS_BEFORE = 3 * 365
DAYS_AFTER = 2 * 365

QUARTER = 15  # minutes: the grid of the plan
DAY = 96  # quarters from midnight to midnight (by the local clock)
FIRST, LAST = 8 * 4, 23 * 4 + 2  # bookings lie between 08:00 and 23:30
MOST_PER_DAY = 8
# Lengths in quarters and how often they occur: mostly one to three hours.
LENGTHS = [4, 6, 8, 10, 12]
LENGTH_WEIGHTS = [35, 25, 22, 9, 9]
SHORTEST = 4
# How busy a space of a kind is, relative to the others.
KIND_WEIGHT = {
    "meeting_room": 1.15,
    "classroom": 1.15,
    "multipurpose": 1.1,
    "makerspace": 1.0,
    "debate_hall": 0.9,
    "theatre": 0.8,
    "study_area": 0.95,
    "children": 0.95,
    "reading_cafe": 1.0,
    "roof_terrace": 0.7,
    "exhibition": 0.3,
}
# Days a branch is closed see some internal use still, less of it.
CLOSED_DAY_WEIGHT = 0.4
# Bookings held for days, as a share of a space's bookings, and what they are.
LONG_SHARE = {"exhibition": 0.02, "multipurpose": 0.0015, "debate_hall": 0.0015, "theatre": 0.002}
LONG_TITLES = {
    "exhibition": ["Tentoonstelling", "Expositie buurtkunstenaars", "Fototentoonstelling"],
    "other": ["Boekenmarkt", "Festival", "Congres", "Filmfestival"],
}
TITLES = {
    Booking.Purpose.INTERNAL: [
        "Teamoverleg",
        "Werkoverleg collectie",
        "Training medewerkers",
        "Sollicitatiegesprekken",
        "Overleg programmering",
    ],
    Booking.Purpose.PARTNER: [
        "Taalcafé",
        "Digicafé",
        "Huiswerkbegeleiding",
        "Spreekuur belastingaangifte",
        "Inloopspreekuur schuldhulp",
        "Voorleesuur",
    ],
    Booking.Purpose.INITIATIVE: [
        "Buurtoverleg",
        "Breiclub",
        "Schaakclub",
        "Repair café",
        "Leesclub",
    ],
    Booking.Purpose.RESIDENT: [
        "Bijeenkomst VvE",
        "Studiegroep",
        "Oefenen presentatie",
        "Bewonersavond",
    ],
}
PURPOSES = list(TITLES)
PURPOSE_WEIGHTS = [25, 35, 20, 20]


def scale_bookings():
    return Booking.objects.filter(title__startswith=SCALE_BOOKING_PREFIX)


@dataclass
class SpacePlan:
    """What the planner knows about one space."""

    pk: int
    kind: str
    setup: int  # minutes, from the space's rules
    cleanup: int
    open_weekdays: set[int]
    closed_dates: set[datetime.date]


def space_plans() -> list[SpacePlan]:
    default_setup = SpacePolicy._meta.get_field("setup_minutes").default
    default_cleanup = SpacePolicy._meta.get_field("cleanup_minutes").default
    policies = {
        pk: (setup, cleanup)
        for pk, setup, cleanup in SpacePolicy.objects.values_list(
            "space_id", "setup_minutes", "cleanup_minutes"
        )
    }
    weekdays = defaultdict(set)
    for branch_id, weekday in OpeningHours.objects.values_list("branch_id", "weekday"):
        weekdays[branch_id].add(weekday)
    closed = defaultdict(set)
    for branch_id, date in OpeningException.objects.filter(opens__isnull=True).values_list(
        "branch_id", "date"
    ):
        closed[branch_id].add(date)
    return [
        SpacePlan(
            pk=pk,
            kind=kind,
            setup=policies.get(pk, (default_setup, default_cleanup))[0],
            cleanup=policies.get(pk, (default_setup, default_cleanup))[1],
            open_weekdays=weekdays[branch_id],
            closed_dates=closed[branch_id],
        )
        for pk, kind, branch_id in Space.objects.order_by("pk").values_list(
            "pk", "kind", "branch_id"
        )
    ]


def quotas(spaces: list[SpacePlan], total: int) -> dict[int, int]:
    """``total`` shared out over the spaces by the weight of their kind, exactly."""
    weights = [KIND_WEIGHT.get(s.kind, 1.0) for s in spaces]
    scale = total / sum(weights)
    shares = [w * scale for w in weights]
    counts = [int(x) for x in shares]
    by_remainder = sorted(range(len(spaces)), key=lambda i: counts[i] - shares[i])
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return {s.pk: n for s, n in zip(spaces, counts, strict=True)}


class Timeline:
    """The quarters of each day in which a space is held, by the local clock."""

    def __init__(self, first_day: datetime.date, days: int):
        self.first_day, self.days = first_day, days
        self.busy: dict[int, list[tuple[int, int]]] = defaultdict(list)

    def _position(self, moment: datetime.datetime, up: bool) -> tuple[int, int]:
        local = timezone.localtime(moment)
        minutes = local.hour * 60 + local.minute + (local.second > 0 or local.microsecond > 0)
        quarter = -(-minutes // QUARTER) if up else minutes // QUARTER
        return (local.date() - self.first_day).days, quarter

    def hold(self, start: datetime.datetime, end: datetime.datetime) -> None:
        first, begin = self._position(start, up=False)
        last, finish = self._position(end, up=True)
        for day in range(max(first, 0), min(last, self.days - 1) + 1):
            lo = begin if day == first else 0
            hi = finish if day == last else DAY
            if lo < hi:
                self.busy[day].append((lo, hi))

    def hold_quarters(self, day: int, lo: int, hi: int) -> None:
        self.busy[day].append((lo, hi))

    def free(self, day: int, lo: int = FIRST, hi: int = LAST) -> list[tuple[int, int]]:
        """The free stretches of ``day`` between quarters ``lo`` and ``hi``."""
        out, cursor = [], lo
        for a, b in sorted(self.busy.get(day, ())):
            if b <= cursor:
                continue
            if a >= hi:
                break
            if a > cursor:
                out.append((cursor, a))
            cursor = max(cursor, b)
        if cursor < hi:
            out.append((cursor, hi))
        return out

    def is_free(self, day: int) -> bool:
        return not self.busy.get(day)


@dataclass
class Block:
    setup: int  # quarters
    length: int
    cleanup: int

    @property
    def total(self) -> int:
        return self.setup + self.length + self.cleanup


def lay_out(
    rng: random.Random, free: list[tuple[int, int]], blocks: list[Block]
) -> tuple[list[tuple[int, Block]], int]:
    """Place ``blocks`` one after another in the free stretches of a day, with random gaps;
    too many are first shortened (the longest first, then without buffers). Returns the
    placed (start quarter, block) pairs and how many did not fit."""
    room = sum(b - a for a, b in free)
    dropped = 0
    while blocks and sum(b.total for b in blocks) > room:
        longest = max(blocks, key=lambda b: b.length)
        buffered = next((b for b in blocks if b.setup or b.cleanup), None)
        if longest.length > SHORTEST:
            longest.length -= 2
        elif buffered is not None:
            buffered.setup = buffered.cleanup = 0
        else:
            blocks.pop()
            dropped += 1
    if not blocks:
        return [], dropped
    slack = room - sum(b.total for b in blocks)
    cuts = sorted(rng.randint(0, slack) for _ in blocks)
    gaps = [b - a for a, b in zip([0, *cuts], cuts, strict=False)]
    # Each stretch as a span of one line of free quarters laid end to end.
    starts = []
    offset = 0
    for a, b in free:
        starts.append(offset)
        offset += b - a
    placed = []
    position = 0
    for gap, block in zip(gaps, blocks, strict=True):
        position += gap
        k = bisect.bisect_right(starts, position) - 1
        # A block does not straddle two stretches: it moves on to the next that holds it.
        while k < len(free) and position + block.total > starts[k] + free[k][1] - free[k][0]:
            k += 1
            if k < len(free):
                position = max(position, starts[k])
        if k == len(free):
            dropped += 1
            continue
        placed.append((free[k][0] + position - starts[k], block))
        position += block.total
    return placed, dropped


class BookingPlanner:
    """Plans the generated bookings of each space; yields unsaved ``Booking`` objects."""

    def __init__(self, *, today: datetime.date, seed: int, now: datetime.datetime):
        self.first_day = today - datetime.timedelta(days=DAYS_BEFORE)
        self.days = DAYS_BEFORE + DAYS_AFTER
        self.seed, self.now = seed, now

    def moment(self, day: int, quarter: int) -> datetime.datetime:
        date = self.first_day + datetime.timedelta(days=day + quarter // DAY)
        quarter %= DAY
        return timezone.make_aware(
            datetime.datetime.combine(date, datetime.time(quarter // 4, (quarter % 4) * QUARTER))
        )

    def plan(self, total: int, held: Callable[[int], list]) -> Iterator[Booking]:
        """``total`` bookings over all spaces; ``held(space_pk)`` gives the (from, until) of
        the confirmed bookings already there."""
        spaces = space_plans()
        shares = quotas(spaces, total) if spaces else {}
        for space in spaces:
            if shares[space.pk]:
                yield from self.plan_space(space, shares[space.pk], held(space.pk))

    def plan_space(self, space: SpacePlan, count: int, held: list) -> Iterator[Booking]:
        rng = random.Random(f"{self.seed}:{space.pk}")
        timeline = Timeline(self.first_day, self.days)
        for start, end in held:
            timeline.hold(start, end)
        long_ones = self.plan_long(rng, space, timeline, count)
        yield from long_ones
        count -= len(long_ones)
        weights = [self.day_weight(space, day) for day in range(self.days)]
        for day in range(self.days):
            if not timeline.free(day):
                weights[day] = 0
        if not any(weights):
            return
        per_day = Counter(rng.choices(range(self.days), weights=weights, k=count))
        overflow = 0
        for day, n in list(per_day.items()):
            if n > MOST_PER_DAY:
                overflow += n - MOST_PER_DAY
                per_day[day] = MOST_PER_DAY
        for day in sorted(per_day):
            blocks = [self.block(rng, space) for _ in range(per_day[day])]
            placed, dropped = lay_out(rng, timeline.free(day), blocks)
            overflow += dropped
            for quarter, block in placed:
                yield self.booking(rng, space, timeline, day, quarter, block)
        # What did not fit goes, one hour without buffers, to other days with room.
        attempts = 100 * overflow + 1000
        while overflow and attempts:
            attempts -= 1
            day = rng.choices(range(self.days), weights=weights)[0]
            free = [(a, b) for a, b in timeline.free(day) if b - a >= SHORTEST]
            if not free:
                weights[day] = 0
                if not any(weights):
                    return
                continue
            a, b = rng.choice(free)
            quarter = rng.randint(a, b - SHORTEST)
            yield self.booking(rng, space, timeline, day, quarter, Block(0, SHORTEST, 0))
            overflow -= 1

    def day_weight(self, space: SpacePlan, day: int) -> float:
        date = self.first_day + datetime.timedelta(days=day)
        is_open = date.weekday() in space.open_weekdays and date not in space.closed_dates
        return 1.0 if is_open else CLOSED_DAY_WEIGHT

    def block(self, rng: random.Random, space: SpacePlan) -> Block:
        length = rng.choices(LENGTHS, weights=LENGTH_WEIGHTS)[0]
        if rng.random() < 0.5:
            return Block(space.setup // QUARTER, length, space.cleanup // QUARTER)
        return Block(0, length, 0)

    def plan_long(
        self, rng: random.Random, space: SpacePlan, timeline: Timeline, count: int
    ) -> list[Booking]:
        """Bookings held for days, spread over the five years, where the days are free."""
        share = LONG_SHARE.get(space.kind, 0.0)
        wanted = round(count * share)
        if space.kind == "exhibition" and count:
            wanted = max(1, wanted)
        if not wanted:
            return []
        made = []
        spacing = self.days / wanted
        titles = LONG_TITLES["exhibition" if space.kind == "exhibition" else "other"]
        for i in range(wanted):
            first = int((i + rng.random() * 0.3) * spacing)
            if space.kind == "exhibition":
                days = min(rng.randint(14, 42), max(2, int(spacing) - 3))
                opens, closes = 10 * 4, 17 * 4
            else:
                days = rng.randint(2, 4)
                opens, closes = 9 * 4, 18 * 4
            span = range(first, first + days)
            if span.stop > self.days or not all(timeline.is_free(d) for d in span):
                continue
            setup, cleanup = space.setup // QUARTER, space.cleanup // QUARTER
            starts_at = self.moment(first, opens)
            ends_at = self.moment(span[-1], closes)
            for day in span:
                lo = opens - setup if day == first else 0
                hi = closes + cleanup if day == span[-1] else DAY
                timeline.hold_quarters(day, lo, hi)
            status = Booking.Status.CONFIRMED if rng.random() < 0.9 else Booking.Status.CANCELLED
            booking = Booking(
                space_id=space.pk,
                starts_at=starts_at,
                ends_at=ends_at,
                setup_minutes=setup * QUARTER,
                cleanup_minutes=cleanup * QUARTER,
                status=status,
                purpose=Booking.Purpose.PARTNER,
                title=f"{SCALE_BOOKING_PREFIX}{rng.choice(titles)}",
            )
            booking.set_block()
            made.append(booking)
        return made

    def booking(
        self,
        rng: random.Random,
        space: SpacePlan,
        timeline: Timeline,
        day: int,
        quarter: int,
        block: Block,
    ) -> Booking:
        timeline.hold_quarters(day, quarter, quarter + block.total)
        starts_at = self.moment(day, quarter + block.setup)
        ends_at = self.moment(day, quarter + block.setup + block.length)
        purpose = rng.choices(PURPOSES, weights=PURPOSE_WEIGHTS)[0]
        booking = Booking(
            space_id=space.pk,
            starts_at=starts_at,
            ends_at=ends_at,
            setup_minutes=block.setup * QUARTER,
            cleanup_minutes=block.cleanup * QUARTER,
            purpose=purpose,
            title=f"{SCALE_BOOKING_PREFIX}{rng.choice(TITLES[purpose])}",
            expected_people=rng.randint(4, 40),
        )
        self.decide(rng, booking)
        booking.set_block()
        return booking

    def decide(self, rng: random.Random, booking: Booking) -> None:
        """Status and what goes with it; residents' requests are decided by staff (or not
        yet), and their personal data is gone once the booking is long over."""
        ahead = booking.starts_at > self.now
        roll = rng.random()
        if booking.purpose != Booking.Purpose.RESIDENT:
            booking.status = Booking.Status.CONFIRMED if roll < 0.91 else Booking.Status.CANCELLED
            return
        if ahead and roll < 0.25:
            booking.status = Booking.Status.TENTATIVE
            booking.hold_expires_at = min(
                booking.starts_at, self.now + datetime.timedelta(days=rng.randint(1, 7))
            )
        elif roll < 0.85:
            booking.status = Booking.Status.CONFIRMED
        elif roll < 0.93:
            booking.status = Booking.Status.DECLINED
            booking.decision_reason = "Die dag is de ruimte nodig voor de bibliotheek."
        else:
            booking.status = Booking.Status.CANCELLED
        if booking.status != Booking.Status.TENTATIVE:
            booking.decided_at = min(self.now, booking.starts_at - datetime.timedelta(days=3))
        if booking.ends_at < self.now - datetime.timedelta(days=30):
            booking.erased_at = booking.ends_at + datetime.timedelta(days=30)
        else:
            number = rng.randint(1, 99_999)
            booking.requester_name = f"Bewoner {number}"
            booking.requester_email = f"bewoner{number}@example.org"


def confirmed_held(first_day: datetime.date, days: int) -> Callable[[int], list]:
    """(blocked_from, blocked_until) of the confirmed bookings of a space in the window."""
    start = timezone.make_aware(datetime.datetime.combine(first_day, datetime.time()))
    end = start + datetime.timedelta(days=days + 1)

    def held(space_pk: int) -> list:
        return list(
            Booking.objects.filter(
                space_id=space_pk,
                status=Booking.Status.CONFIRMED,
                blocked_from__lt=end,
                blocked_until__gt=start,
            ).values_list("blocked_from", "blocked_until")
        )

    return held


def generate_bookings(
    count: int, *, seed: int, progress: Callable[[int], None] | None = None
) -> int:
    """Add ``count`` generated bookings (fewer only when the spaces are full); returns how
    many were added."""
    today, now = timezone.localdate(), timezone.now()
    planner = BookingPlanner(today=today, seed=seed, now=now)
    held = confirmed_held(planner.first_day, planner.days)
    added = 0
    batch: list[Booking] = []
    for booking in planner.plan(count, held):
        batch.append(booking)
        if len(batch) == BATCH:
            _write(batch)
            added += len(batch)
            batch = []
            if progress:
                progress(added)
    if batch:
        _write(batch)
        added += len(batch)
    return added


@transaction.atomic
def _write(batch: list[Booking]) -> None:
    Booking.objects.bulk_create(batch, batch_size=BATCH)
