"""``manage.py generate_scale``: fill the database with many activities for benchmarks.

Adds illustrative activities (default 100,000) spread over five years — three behind today,
two ahead — across every branch, format, theme and audience, mostly published. Their slugs
start with ``schaaltest-`` so they can be counted and removed: re-running tops the number up
to ``--activities``, ``--clear`` removes them first (``--clear --activities 0`` only removes).

Why this bypasses the programme services: this is a benchmark fixture, not a change made by
staff. The services validate, audit and reindex one activity at a time (dozens of queries
each), which would take hours for 100,000 rows and would flood the audit log with entries
nobody made. Instead, per batch of 5,000 in one transaction, the activities are written with
``bulk_create`` and their narrow rows — many-to-many links and search stems, built with the
same ``search.stems`` the services use — with one prepared INSERT (``executemany``): a model
instance per link row cost several times the insert itself. The planner keeps every row
inside the model's constraints (end after start, at most 92 days, capacity at least 1).
Generated activities belong to no series, so the demo's series pages stay readable.

``--bookings N`` does the same for room bookings (``scale_bookings``): it tops the generated
bookings (titles starting with ``[schaaltest]``) up to N over every space, five years of
them; the default 0 leaves bookings alone. ``--clear`` removes the generated bookings too.
"""

import time
from functools import lru_cache

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from ontmoet.bookings.models import Booking
from ontmoet.core.pagecache import content_changed
from ontmoet.programme.models import Activity, ActivitySearchTerm, Format
from ontmoet.programme.search import stems
from ontmoet.programme.selectors import filter_options_invalidate
from ontmoet.programme.services import PUBLIC_CONTENT
from ontmoet.venues.models import Branch

from ...activities import SCALE_PREFIX, Lookups, branch_infos
from ...planner import Planner
from ...scale_bookings import generate_bookings, scale_bookings

BATCH = 5_000
SCALE_SEED = 5_000_000


def insert_rows(model, columns: list[str], rows: list[tuple]) -> None:
    """One prepared INSERT run for every row: for the ~25 search stems and ~10 link rows of
    each activity, cheaper than building a model instance per row for ``bulk_create``."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(model._meta.get_field(c.removesuffix("_id")).column) for c in columns)
    placeholders = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(
                f"INSERT INTO {table} ({names}) VALUES ({placeholders})",  # noqa: S608
                rows[start : start + BATCH],
            )


@lru_cache(maxsize=20_000)
def _stems(text: str) -> tuple[str, ...]:
    return tuple(stems(text))


@lru_cache(maxsize=20_000)
def _slug(title: str) -> str:
    return (SCALE_PREFIX + slugify(title))[:120]


def scale_activities():
    return Activity.objects.filter(slug__startswith=SCALE_PREFIX)


class Command(BaseCommand):
    help = "Add generated activities (slug prefix 'schaaltest-') for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument(
            "--activities",
            type=int,
            default=100_000,
            help="How many generated activities there should be in all (default 100000).",
        )
        parser.add_argument(
            "--bookings",
            type=int,
            default=0,
            help="How many generated room bookings there should be in all (default 0: "
            "leave them alone).",
        )
        parser.add_argument(
            "--clear",
            action="store_true",
            help="Delete the previously generated activities and room bookings first.",
        )

    def handle(self, *args, **options):
        target = options["activities"]
        if target < 0 or options["bookings"] < 0:
            raise CommandError("--activities and --bookings must be 0 or more.")
        if not Format.objects.exists() or not Branch.objects.exists():
            raise CommandError("No branches or formats yet: run `manage.py load_demo` first.")
        if options["clear"]:
            deleted, _ = scale_bookings().delete()
            self.stdout.write(f"Removed generated room bookings ({deleted} rows).")
        self.add_activities(target, clear=options["clear"])
        if options["bookings"]:
            self.add_bookings(options["bookings"])

    def add_bookings(self, target: int) -> None:
        began = time.monotonic()
        existing = scale_bookings().count()
        missing = target - existing
        if missing <= 0:
            self.stdout.write(
                f"{existing} generated room bookings already present; nothing to add."
            )
            return

        def progress(done: int) -> None:
            self.stdout.write(f"  {done}/{missing}", ending="\r")
            self.stdout.flush()

        added = generate_bookings(missing, seed=SCALE_SEED + existing, progress=progress)
        if added < missing:
            self.stderr.write(f"The spaces are full: {missing - added} bookings did not fit.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {added} room bookings in {time.monotonic() - began:.1f} s; "
                f"{existing + added} generated, {Booking.objects.count()} in all."
            )
        )

    def add_activities(self, target: int, *, clear: bool) -> None:
        began = time.monotonic()
        if clear:
            deleted, _ = scale_activities().delete()
            content_changed(PUBLIC_CONTENT)
            self.stdout.write(f"Removed generated activities ({deleted} rows in all).")
        existing = scale_activities().count()
        missing = target - existing
        if missing <= 0:
            self.stdout.write(f"{existing} generated activities already present; nothing to add.")
            return
        created, terms = self.generate(missing, seed=SCALE_SEED + existing)
        filter_options_invalidate()
        content_changed(PUBLIC_CONTENT)
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {created} activities and {terms} search terms in "
                f"{time.monotonic() - began:.1f} s; {existing + created} generated, "
                f"{Activity.objects.count()} activities in all."
            )
        )

    def generate(self, count: int, *, seed: int) -> tuple[int, int]:
        lookups = Lookups()
        planner = Planner(
            branches=branch_infos(),
            today=timezone.localdate(),
            seed=seed,
            days_before=3 * 365,
            days_after=2 * 365,
        )
        now = timezone.now()
        created = terms = 0
        batch = []
        for spec in planner.plan(count, with_series=False):
            batch.append(spec)
            if len(batch) == BATCH:
                terms += self.write(batch, lookups, now)
                created += len(batch)
                batch = []
                self.stdout.write(f"  {created}/{count}", ending="\r")
                self.stdout.flush()
        if batch:
            terms += self.write(batch, lookups, now)
            created += len(batch)
        return created, terms

    @transaction.atomic
    def write(self, specs, lookups: Lookups, now) -> int:
        """One batch: the activities, their many-to-many rows and search stems."""
        activities = [self.build(spec, lookups, now) for spec in specs]
        Activity.objects.bulk_create(activities, batch_size=BATCH)
        pairs = list(zip((a.pk for a in activities), specs, strict=True))
        for name, (model, column, mapping) in self.through(lookups).items():
            insert_rows(
                model,
                ["activity_id", column],
                [
                    (pk, mapping[slug].pk)
                    for pk, spec in pairs
                    for slug in getattr(spec, name)
                    if slug in mapping
                ],
            )
        # Raw INSERT: the datetime is put in the engine's own format, as the ORM would.
        starts_at = {
            a.pk: connection.ops.adapt_datetimefield_value(a.starts_at) for a in activities
        }
        rows = [
            (pk, term, starts_at[pk]) for pk, spec in pairs for term in self.terms(spec, lookups)
        ]
        rows.sort(key=lambda row: row[1])  # index order: far fewer B-tree page splits
        insert_rows(ActivitySearchTerm, ["activity_id", "term", "starts_at"], rows)
        return len(rows)

    @staticmethod
    def through(lookups: Lookups) -> dict:
        return {
            "themes": (Activity.themes.through, "theme_id", lookups.themes),
            "audiences": (Activity.audiences.through, "audience_id", lookups.audiences),
            "functions": (
                Activity.library_functions.through,
                "libraryfunction_id",
                lookups.functions,
            ),
            "features": (
                Activity.accessibility_features.through,
                "accessibilityfeature_id",
                lookups.features,
            ),
        }

    @staticmethod
    def build(spec, lookups: Lookups, now) -> Activity:
        public = spec.status != Activity.Status.DRAFT
        return Activity(
            title=spec.title,
            slug=_slug(spec.title),
            summary=spec.summary,
            description=spec.description,
            summary_easy=spec.summary_easy,
            format=lookups.formats[spec.format],
            branch=lookups.branches[spec.branch],
            space_id=spec.space,
            starts_at=spec.starts_at,
            ends_at=spec.ends_at,
            languages=spec.languages,
            accessibility_notes=spec.accessibility_notes,
            organisers=spec.organisers,
            series=None,  # keep the demo series pages readable
            status=spec.status,
            cancellation_reason=spec.cancellation_reason,
            registration_mode=spec.registration_mode,
            capacity=spec.capacity,
            registration_opens_at=spec.registration_opens_at,
            registration_closes_at=spec.registration_closes_at,
            published_at=now if public else None,
        )

    @staticmethod
    def terms(spec, lookups: Lookups) -> list[str]:
        """The stems the service would index, minus the long description (kept cheap)."""
        fmt, branch = lookups.formats[spec.format], lookups.branches[spec.branch]
        themes = [lookups.themes[s] for s in spec.themes if s in lookups.themes]
        audiences = [lookups.audiences[s] for s in spec.audiences if s in lookups.audiences]
        parts = [
            spec.title,
            spec.summary,
            spec.summary_easy,
            fmt.name,
            fmt.name_en,
            branch.name,
            *(t.name for t in themes),
            *(t.name_en for t in themes),
            *(a.name for a in audiences),
            *spec.organisers,
        ]
        seen: dict[str, None] = {}
        for part in parts:
            for stem in _stems(part):
                seen.setdefault(stem, None)
        return list(seen)
