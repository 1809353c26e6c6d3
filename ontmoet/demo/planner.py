"""Planning an illustrative programme: which activity happens where and when.

The planner turns the templates of ``content`` into ``ActivitySpec`` rows with a
fixed random seed, without touching the database. Dates are relative to ``today``; all other
choices (title, branch, format, themes, status ...) consume the random stream in the same
order whatever the date, so the *identity* of the planned activities — (title, branch,
format) with its multiplicity — is stable from day to day. ``load_demo`` uses that to stay
idempotent, ``generate_scale`` to produce a large, realistic mix.

Rules the plan keeps: activities fall on days the branch is open (no closures), start at
ordinary local times (Europe/Amsterdam), last at most 92 days, use a space of the branch
that suits the format and is free at that time (with its set-up and clean-up time around
it), and fill at most the space's capacity.
"""

import datetime
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils import timezone

from .content import TEMPLATES, topics
from .content.reference import DEFAULT_BUFFERS, SPACE_RULES

DEMO_SEED = 20260101


def turnover(kind: str) -> datetime.timedelta:
    """Set-up plus clean-up of a space of this kind (its booking rules in the demo)."""
    rule = SPACE_RULES.get(kind)
    setup, cleanup = rule[3:] if rule else DEFAULT_BUFFERS
    return datetime.timedelta(minutes=setup + cleanup)


LARGE_SPACE_KINDS = {"debate_hall", "theatre"}


@dataclass
class SpaceInfo:
    pk: int
    name: str
    kind: str
    capacity: int


@dataclass
class BranchInfo:
    slug: str
    name: str
    is_central: bool
    open_days: set[int]
    closed_dates: set[datetime.date]
    spaces: list[SpaceInfo]
    features: set[str]

    @property
    def short_name(self) -> str:
        return self.name if self.is_central else self.name.removeprefix("Bibliotheek ")


@dataclass
class ActivitySpec:
    title: str
    summary: str
    description: str
    summary_easy: str
    format: str
    branch: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    themes: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    functions: list[str] = field(default_factory=list)
    features: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=lambda: ["nl"])
    space: int | None = None
    registration_mode: str = "drop_in"
    capacity: int | None = None
    registration_opens_at: datetime.datetime | None = None
    registration_closes_at: datetime.datetime | None = None
    organisers: list[str] = field(default_factory=list)
    accessibility_notes: str = ""
    series: str | None = None
    status: str = "published"
    cancellation_reason: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.title, self.branch, self.format)


def _aware(day: datetime.date, hhmm: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.fromisoformat(hhmm)))


def allocate(total: int, weights: list[int]) -> list[int]:
    """Split ``total`` over the weights (largest remainder), at least one each if possible."""
    if total <= 0:
        return [0] * len(weights)
    floor_each = 1 if total >= len(weights) else 0
    rest = total - floor_each * len(weights)
    shares = [rest * w / sum(weights) for w in weights]
    counts = [floor_each + int(s) for s in shares]
    order = sorted(range(len(weights)), key=lambda i: shares[i] - int(shares[i]), reverse=True)
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


class Planner:
    """Plans activities for the given branches around ``today``, deterministically per seed.

    Keeps a diary of booked spaces so that no two planned activities share a room.
    """

    def __init__(
        self,
        *,
        branches: list[BranchInfo],
        today: datetime.date,
        seed: int,
        days_before: int = 182,
        days_after: int = 182,
    ):
        self.branches = {b.slug: b for b in sorted(branches, key=lambda b: b.slug)}
        self.central = next((b for b in self.branches.values() if b.is_central), None)
        self.locals = [b for b in self.branches.values() if not b.is_central] or [self.central]
        self.today = today
        self.rng = random.Random(seed)
        self.days_before = days_before
        self.days_after = days_after
        self.busy: dict[tuple[int, datetime.date], list] = defaultdict(list)

    # --- dates and spaces ------------------------------------------------------------------

    def open_day(self, branch: BranchInfo, day: datetime.date, weekdays=None) -> datetime.date:
        """The first day from ``day`` on that the branch is open (on a preferred weekday)."""
        wanted = set(weekdays or range(7)) & branch.open_days or branch.open_days or set(range(7))
        for _ in range(400):
            if day.weekday() in wanted and day not in branch.closed_dates:
                return day
            day += datetime.timedelta(days=1)
        return day

    def take_space(self, branch, kinds, start, end, choice: float) -> SpaceInfo | None:
        """A free space of a suitable kind; ``choice`` (drawn by the caller) picks among them."""
        for kind in kinds:
            matches = [s for s in branch.spaces if s.kind == kind]
            if not matches:
                continue
            first = int(choice * len(matches))
            for space in matches[first:] + matches[:first]:
                if self._is_free(space, start, end):
                    self._book(space, start, end)
                    return space
        return None

    def _days(self, start, end):
        day = start.date()
        while day <= end.date():
            yield day
            day += datetime.timedelta(days=1)

    def _is_free(self, space, start, end) -> bool:
        # Bookings hold a room for their set-up and clean-up too: keep that much between.
        gap = turnover(space.kind)
        return all(
            not (s < end + gap and start < e + gap)
            for day in self._days(start - gap, end + gap)
            for s, e in self.busy[(space.pk, day)]
        )

    def _book(self, space, start, end) -> None:
        for day in self._days(start, end):
            self.busy[(space.pk, day)].append((start, end))

    # --- the programme ---------------------------------------------------------------------

    def fixed(self) -> Iterator[ActivitySpec]:
        """The series with fixed dates: the freedom debates and 'Digitaal de baas'."""
        if self.central:
            yield from self._freedom_debates(self.central)
        for slug, offset in topics.DIGITAL_ROUNDS:
            if slug in self.branches:
                yield from self._digital_round(self.branches[slug], offset)

    def _freedom_debates(self, central: BranchInfo) -> Iterator[ActivitySpec]:
        for offset, partner, question, summary in topics.FREEDOM_DEBATES:
            day = self.open_day(central, self.today + datetime.timedelta(days=offset), [3])
            start, end = _aware(day, "19:30"), _aware(day, "21:30")
            space = self.take_space(central, ["debate_hall", "theatre"], start, end, 0.0)
            languages = ["nl", "en"] if partner == "Instituut Clingendael" else ["nl"]
            yield ActivitySpec(
                title=question,
                summary=summary,
                format="debat",
                branch=central.slug,
                description=f"{summary}\n\nEen debat in de reeks 'Vrijheid in debat', samen met "
                f"{partner}. Het publiek stelt vragen en stemt over stellingen. Aanmelden is "
                "gratis.",
                summary_easy="Een debat over vrijheid. U kunt vragen stellen en stemmen. "
                "Meld u gratis aan.",
                starts_at=start,
                ends_at=end,
                themes=["vrijheid"],
                audiences=["iedereen", "volwassenen", "studenten"],
                functions=["ontmoeting-en-debat", "kennis-en-informatie"],
                features=sorted(self._features_for(central, "debat")),
                languages=languages,
                space=space.pk if space else None,
                registration_mode="required",
                capacity=space.capacity if space else 200,
                registration_opens_at=start - datetime.timedelta(days=42),
                registration_closes_at=start - datetime.timedelta(hours=2),
                organisers=[partner],
                series="vrijheid-in-debat",
            )

    def _digital_round(self, branch: BranchInfo, offset: int) -> Iterator[ActivitySpec]:
        day = self.open_day(branch, self.today + datetime.timedelta(days=offset), [1])
        for number, lesson in enumerate(topics.DIGITAL_LESSONS, 1):
            day = self.open_day(branch, day, [1])
            start, end = _aware(day, "10:00"), _aware(day, "12:00")
            space = self.take_space(
                branch, ["classroom", "meeting_room", "multipurpose"], start, end, 0.0
            )
            yield ActivitySpec(
                title=f"Digitaal de baas, les {number}: {lesson}",
                summary=f"Les {number} van 6 in de cursus Digitaal de baas: {lesson}.",
                description="Zes lessen om zelf handig en veilig met smartphone, computer en "
                "internet om te gaan. Neem uw eigen telefoon of tablet mee; er zijn ook "
                "leentablets.",
                summary_easy="Een les over computers en telefoons. U leert het stap voor stap. "
                "Meld u aan.",
                format="cursus",
                branch=branch.slug,
                starts_at=start,
                ends_at=end,
                themes=["digitale-vaardigheden"],
                audiences=["senioren", "volwassenen"],
                functions=["ontwikkeling-en-educatie", "kennis-en-informatie"],
                features=sorted(branch.features & set(feature_order())),
                space=space.pk if space else None,
                registration_mode="required",
                capacity=min(10, space.capacity) if space else 10,
                series="digitaal-de-baas",
            )
            day += datetime.timedelta(days=7)

    def generic(self, count: int) -> Iterator[ActivitySpec]:
        counts = allocate(count, [t["weight"] for t in TEMPLATES])
        for template, n in zip(TEMPLATES, counts, strict=True):
            local_pool = self._pool(template)
            self.rng.shuffle(local_pool)
            for i in range(n):
                yield self._one(template, i, local_pool)

    def _pool(self, template) -> list[BranchInfo]:
        if template["branches"] == "all":
            return list(self.locals)
        pool = [self.branches[s] for s in template["branches"] if s in self.branches]
        return pool or list(self.locals)

    def _one(self, template, i: int, pool: list[BranchInfo]) -> ActivitySpec:
        rng = self.rng
        central_draw = rng.random()
        branch = pool[i % len(pool)]
        if central_draw < template.get("central_share", 0) and self.central:
            branch = self.central
        if template.get("topics"):
            theme = list(topics.THEME_TOPICS)[i % len(topics.THEME_TOPICS)]
            lecture, question, summary = rng.choice(topics.THEME_TOPICS[theme])
            pattern = rng.choice(template["patterns"])
            title = pattern.format(t=lecture, q=question)
            themes, audiences = [theme], rng.choice(template["audiences"])
            if pattern.startswith("Kennissessie"):
                audiences = ["professionals"]
        else:
            title, summary, themes, audiences = rng.choice(template["items"])
            title = title.format(plaats=branch.short_name)
        theme_label = _theme_label(themes[0]) if themes else "dit onderwerp"
        easy_draw, easy = rng.random(), rng.choice(template["easy"])
        about = rng.choice(template["about"])
        offset = rng.randint(-self.days_before, self.days_after)
        hhmm = rng.choice(template["times"])
        minutes = rng.choice(template.get("minutes", [60]))
        span = rng.randint(*template.get("days", (0, 0)))
        space_draw = rng.random()
        reg_draw = rng.random()
        lo, hi = template.get("capacity", (10, 40))
        capacity = rng.randint(lo, hi)
        languages = rng.choices(*zip(*template["languages"], strict=True))[0]
        status_draw, reason = rng.random(), rng.choice(topics.CANCELLATION_REASONS)
        note_draw, note = rng.random(), rng.choice(topics.ACCESSIBILITY_NOTES)
        organisers = rng.choice(template.get("organisers", [[]]))
        function_draws = [rng.random() for _ in template["functions"]]
        feature_draws = [rng.random() for _ in feature_order()]

        hhmm, weekdays = _time_hint(title, hhmm, template["weekdays"])
        day = self.open_day(branch, self.today + datetime.timedelta(days=offset), weekdays)
        start = _aware(day, hhmm)
        if span:
            end = _aware(day + datetime.timedelta(days=span), "17:00")
        else:
            end = start + datetime.timedelta(minutes=minutes)
        kinds = sorted(
            template["spaces"], key=lambda k: (k == "children") != ("kinderen" in audiences)
        )
        space = self.take_space(branch, kinds, start, end, space_draw)
        suitable = self._features_for(branch, template["format"])
        mode = template["registration"]
        if mode == "mixed":
            mode = "required" if reg_draw < 0.5 else "drop_in"
        spec = ActivitySpec(
            title=title[:200],
            summary=summary[:300],
            format=template["format"],
            branch=branch.slug,
            starts_at=start,
            ends_at=end,
            themes=list(themes),
            audiences=list(audiences),
            languages=list(languages),
            space=space.pk if space else None,
            summary_easy=easy.format(thema=theme_label) if easy_draw < 0.7 else "",
            description="",
            registration_mode=mode,
            organisers=list(organisers),
            series=template.get("series"),
            functions=[
                f
                for f, d in zip(template["functions"], function_draws, strict=True)
                if f == template["functions"][0] or d < 0.5
            ],
            features=[
                f
                for f, d in zip(feature_order(), feature_draws, strict=True)
                if f in suitable and d < 0.85
            ],
            accessibility_notes=note if note_draw < 0.2 else "",
        )
        if mode == "required":
            spec.capacity = min(capacity, space.capacity) if space else capacity
            spec.registration_opens_at = start - datetime.timedelta(days=28)
            spec.registration_closes_at = start - datetime.timedelta(hours=2)
            practical = f"Aanmelden is nodig; er zijn {spec.capacity} plaatsen."
        else:
            practical = "U kunt zonder aanmelding binnenlopen."
        spec.description = f"{summary}\n\n{about}\n\n{practical} De toegang is gratis."
        if status_draw < 0.04:
            spec.status, spec.cancellation_reason = "cancelled", reason
        elif status_draw < 0.07 and day >= self.today:
            spec.status = "draft"
        return spec

    def _features_for(self, branch: BranchInfo, format_slug: str) -> set[str]:
        wanted = {
            "rolstoeltoegankelijk",
            "toegankelijk-toilet",
            "zitplaatsen",
            "hulphonden-welkom",
            "lift",
        }
        if format_slug in {"lezing", "debat", "film", "voorstelling"}:
            wanted |= {"ringleiding", "tolk-ngt"}
        if format_slug in {"huiswerkbegeleiding", "leesclub", "spreekuur", "voorstelling"}:
            wanted.add("prikkelarm")
        return wanted & branch.features

    def plan(self, count: int, *, with_series: bool = True) -> Iterator[ActivitySpec]:
        """``count`` activities in all: the fixed series first, then the generic mix."""
        produced = 0
        if with_series:
            for spec in self.fixed():
                if produced >= count:
                    return
                produced += 1
                yield spec
        yield from self.generic(count - produced)


# Words in a title that fix the time of day (or the weekday) whatever the template says.
_TIME_HINTS = [("lunch", "12:30"), ("avond", "19:30"), ("ochtend", "10:00"), ("middag", "14:00")]


def _time_hint(title: str, hhmm: str, weekdays: list[int]) -> tuple[str, list[int]]:
    lowered = title.lower()
    hhmm = next((at for word, at in _TIME_HINTS if word in lowered), hhmm)
    return hhmm, [5] if "zaterdag" in lowered else weekdays


def feature_order() -> list[str]:
    """Every feature slug the planner may assign, in a fixed order."""
    return [
        "rolstoeltoegankelijk",
        "toegankelijk-toilet",
        "zitplaatsen",
        "hulphonden-welkom",
        "lift",
        "ringleiding",
        "tolk-ngt",
        "prikkelarm",
    ]


_THEME_LABELS = {
    "rechtvaardigheid": "rechtvaardigheid",
    "gezondheid": "gezondheid",
    "gendergelijkheid": "gelijke kansen voor vrouwen en mannen",
    "duurzaamheid": "duurzaamheid",
    "stad-en-wijk": "de stad en de wijk",
    "vrijheid": "vrijheid",
    "digitale-vaardigheden": "computers en internet",
}


def _theme_label(slug: str) -> str:
    return _THEME_LABELS.get(slug, "dit onderwerp")
