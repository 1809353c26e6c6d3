"""``manage.py load_demo``: seed the demo — real places, illustrative programme.

Loads the districts, neighbourhoods and library branches of Den Haag from the fact files in
``ontmoet/demo/data`` (real, with sources), adds illustrative hours, spaces and accessibility
features, the taxonomies, demo staff users, three series and about 600 illustrative
activities spread over the half year behind and ahead of today, their registrations, the
rules of the spaces, and a year of the branches' room bookings and study-place use.
Idempotent: what exists is left alone, so a second run — the same day or later — creates
nothing.
"""

import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from ontmoet.programme.models import Activity, Series
from ontmoet.programme.selectors import filter_options_invalidate
from ontmoet.venues.models import Branch, District, Neighbourhood, Space

from ...activities import load_activities
from ...bookings import load_bookings, load_requests, load_space_policies
from ...content.reference import DEMO_PASSWORD
from ...debates import load_debates
from ...initiatives import load_initiatives
from ...partners import load_partners
from ...registrations import load_registrations
from ...seed import Tally, load_reference
from ...study_history import load_study_history, load_study_today
from ...studyplaces import load_study_zones
from ...training import load_training


class Command(BaseCommand):
    help = "Load the Den Haag demo data (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--activities",
            type=int,
            default=600,
            help="How many demo activities the plan holds (default 600).",
        )
        parser.add_argument(
            "--history-days",
            type=int,
            default=365,
            help="How far back room bookings and study-place use go (default a year).",
        )

    def handle(self, *args, **options):
        began = time.monotonic()
        today = timezone.localdate()
        tally = Tally()
        with transaction.atomic():
            users = load_reference(tally, today)
            actor = users["centraal"]
            load_space_policies()
            tally.created["partners"] = load_partners(actor=actor, today=today)
            created = load_activities(actor=actor, count=options["activities"], today=today)
            tally.created["registrations"] = load_registrations(actor=actor)
            tally.created["room bookings"] = load_bookings(
                actor=actor, today=today, weeks_back=max(1, options["history_days"] // 7)
            )
            tally.created["room requests"] = load_requests(today=today)
            tally.created["ideas of residents"] = load_initiatives(users=users, today=today)
            tally.created["debates"] = load_debates(actor=actor)
            tally.created["debate clubs"] = load_training(users=users)
            tally.created["study zones"] = load_study_zones()
            hours, seats = load_study_history(today=today, days=options["history_days"])
            tally.created["hours of study-place history"] = hours
            tally.created["past seat bookings"] = seats
            tally.created["seat bookings today"] = load_study_today(now=timezone.now())
        tally.created["activities"] = created
        filter_options_invalidate()

        made = ", ".join(f"{n} {label}" for label, n in tally.created.items() if n) or "nothing"
        self.stdout.write(f"Created: {made}.")
        self.stdout.write(
            "In the database: "
            f"{District.objects.count()} districts, {Neighbourhood.objects.count()} "
            f"neighbourhoods, {Branch.objects.count()} branches, {Space.objects.count()} "
            f"spaces, {Series.objects.count()} series, {Activity.objects.count()} activities."
        )
        if tally.created.get("users"):
            self.stdout.write(
                f"Demo staff users have the password '{DEMO_PASSWORD}' (demo only); "
                "see `manage.py demo_logins`."
            )
        self.stdout.write(self.style.SUCCESS(f"Demo loaded in {time.monotonic() - began:.1f} s."))
