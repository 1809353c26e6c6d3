"""Turning the planned (illustrative) programme into activities.

``load_demo`` creates its few hundred activities through the programme services, as a
member of staff would: validated, audited and indexed for search. Idempotency: a planned
activity is identified by (title, branch, format) and its multiplicity in the plan, which do
not depend on the date (see ``planner``); only the missing ones are created, so running the
demo again — also on a later day — adds nothing. (A demo activity whose title staff changed,
or that staff deleted, no longer counts and is planned again.)

Activities created by ``generate_scale`` carry slugs starting with ``SCALE_PREFIX`` and are
ignored here.
"""

import datetime
from collections import Counter

from django.db.models import Prefetch

from ontmoet.partners.models import Partner, Role
from ontmoet.partners.services import activity_hosts_set
from ontmoet.programme.models import (
    Activity,
    Audience,
    Format,
    LibraryFunction,
    Series,
    Theme,
)
from ontmoet.programme.services import activity_cancel, activity_create, activity_publish
from ontmoet.venues.models import AccessibilityFeature, Branch, OpeningException, Space

from .planner import DEMO_SEED, ActivitySpec, BranchInfo, Planner, SpaceInfo

SCALE_PREFIX = "schaaltest-"


def branch_infos() -> list[BranchInfo]:
    """What the planner needs to know about each branch, read in four queries."""
    branches = Branch.objects.prefetch_related(
        "opening_hours",
        "accessibility_features",
        Prefetch("spaces", queryset=Space.objects.order_by("name")),
        Prefetch(
            "opening_exceptions", queryset=OpeningException.objects.filter(opens__isnull=True)
        ),
    )
    return [
        BranchInfo(
            slug=b.slug,
            name=b.name,
            is_central=b.is_central,
            open_days={h.weekday for h in b.opening_hours.all()},
            closed_dates={e.date for e in b.opening_exceptions.all()},
            spaces=[SpaceInfo(s.pk, s.name, s.kind, s.capacity) for s in b.spaces.all()],
            features={f.slug for f in b.accessibility_features.all()},
        )
        for b in branches
    ]


class Lookups:
    """Slug → instance maps for everything an ActivitySpec names."""

    def __init__(self):
        self.formats = {f.slug: f for f in Format.objects.all()}
        self.themes = {t.slug: t for t in Theme.objects.all()}
        self.audiences = {a.slug: a for a in Audience.objects.all()}
        self.functions = {f.slug: f for f in LibraryFunction.objects.all()}
        self.features = {f.slug: f for f in AccessibilityFeature.objects.all()}
        self.branches = {b.slug: b for b in Branch.objects.all()}
        self.spaces = {s.pk: s for s in Space.objects.all()}
        self.series = {s.slug: s for s in Series.objects.all()}
        self.partners = {p.name: p for p in Partner.objects.all()}

    @staticmethod
    def pick(mapping: dict, slugs: list[str]) -> list:
        return [mapping[s] for s in slugs if s in mapping]

    def service_data(self, spec: ActivitySpec) -> dict:
        return {
            "title": spec.title,
            "summary": spec.summary,
            "description": spec.description,
            "summary_easy": spec.summary_easy,
            "format": self.formats[spec.format],
            "branch": self.branches[spec.branch],
            "space": self.spaces.get(spec.space),
            "starts_at": spec.starts_at,
            "ends_at": spec.ends_at,
            "languages": spec.languages,
            "accessibility_notes": spec.accessibility_notes,
            # Names of partners become links (hosts); other names stay as plain text.
            "organisers": [n for n in spec.organisers if n not in self.partners],
            "series": self.series.get(spec.series),
            "registration_mode": spec.registration_mode,
            "capacity": spec.capacity,
            "registration_opens_at": spec.registration_opens_at,
            "registration_closes_at": spec.registration_closes_at,
            "themes": self.pick(self.themes, spec.themes),
            "audiences": self.pick(self.audiences, spec.audiences),
            "library_functions": self.pick(self.functions, spec.functions),
            "accessibility_features": self.pick(self.features, spec.features),
        }


def demo_plan(*, count: int, today: datetime.date) -> list[ActivitySpec]:
    planner = Planner(branches=branch_infos(), today=today, seed=DEMO_SEED)
    return list(planner.plan(count))


def load_activities(*, actor, count: int, today: datetime.date) -> int:
    """Create the planned activities that do not exist yet; returns how many were created."""
    lookups = Lookups()
    existing = Counter(
        (title, branch_slug, format_slug)
        for title, branch_slug, format_slug in Activity.objects.exclude(
            slug__startswith=SCALE_PREFIX
        ).values_list("title", "branch__slug", "format__slug")
    )
    created = 0
    for spec in demo_plan(count=count, today=today):
        if existing[spec.key] > 0:
            existing[spec.key] -= 1
            continue
        if spec.format not in lookups.formats or spec.branch not in lookups.branches:
            continue
        activity = activity_create(actor=actor, data=lookups.service_data(spec))
        hosts = [
            (lookups.partners[name], Role.CO_ORGANISER)
            for name in spec.organisers
            if name in lookups.partners
        ]
        if hosts:
            activity_hosts_set(actor=actor, activity=activity, hosts=hosts)
        if spec.status in {"published", "cancelled"}:
            activity = activity_publish(actor=actor, activity=activity)
        if spec.status == "cancelled":
            activity_cancel(actor=actor, activity=activity, reason=spec.cancellation_reason)
        created += 1
    return created
