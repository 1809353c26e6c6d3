"""Reads for management: how ideas come in and fare per branch, and how much of the
programme is made together with partners and residents. Counts only, no one's details."""

import datetime
import statistics
from collections import Counter, defaultdict

from django.db.models import Exists, OuterRef
from django.utils import timezone

from ontmoet.accounts import scoping
from ontmoet.programme.models import Activity, Theme

from .models import Initiative

MONTHS = 12


def _months(today: datetime.date) -> list[datetime.date]:
    first = today.replace(day=1)
    out = []
    for n in range(MONTHS - 1, -1, -1):
        year, month = divmod(first.year * 12 + first.month - 1 - n, 12)
        out.append(datetime.date(year, month + 1, 1))
    return out


def overview(*, user, today: datetime.date | None = None) -> dict:
    """Ideas per branch and month, acceptance rate, days to a decision; and the share of
    the published programme of the same twelve months made with partners or from
    residents' ideas, per branch and per theme (within the branches the user may see)."""
    today = today or timezone.localdate()
    months = _months(today)
    since = timezone.make_aware(datetime.datetime.combine(months[0], datetime.time(0)))
    allowed = scoping.viewable_branch_ids(user)
    ideas = Initiative.objects.filter(created_at__gte=since)
    activities = Activity.objects.published().filter(starts_at__gte=since)
    if allowed is not scoping.ALL:
        ideas = ideas.filter(branch_id__in=allowed)
        activities = activities.filter(branch_id__in=allowed)
    per_month: dict[str, Counter] = defaultdict(Counter)
    decided: dict[str, list] = defaultdict(list)
    for branch, created, status, decided_at in ideas.values_list(
        "branch__name", "created_at", "status", "decided_at"
    ):
        name = branch or "—"
        local = timezone.localtime(created).date().replace(day=1)
        per_month[name][local] += 1
        if decided_at:
            decided[name].append((status, (decided_at - created).days))
    idea_rows = []
    for name in sorted(set(per_month) | set(decided)):
        outcomes = decided.get(name, [])
        accepted = sum(1 for s, _ in outcomes if s == Initiative.Status.ACCEPTED)
        idea_rows.append(
            {
                "branch": name,
                "months": [per_month[name][m] for m in months],
                "total": sum(per_month[name].values()),
                "decided": len(outcomes),
                "acceptance": round(100 * accepted / len(outcomes)) if outcomes else None,
                # Whole days, like the other counts (the median of an even number is a mean).
                "median_days": round(statistics.median(d for _, d in outcomes))
                if outcomes
                else None,
            }
        )
    return {
        "months": months,
        "idea_rows": idea_rows,
        **_co_created(activities),
    }


def _co_created(activities) -> dict:
    """An activity is made with partners when a partner co-hosts it, or co-hosts its series
    (which makes it a co-host of each of the series' activities, as the public pages say)."""
    from ontmoet.partners.models import ActivityPartner, SeriesPartner

    rows = activities.annotate(
        own_partner=Exists(ActivityPartner.objects.filter(activity=OuterRef("pk"))),
        series_partner=Exists(SeriesPartner.objects.filter(series=OuterRef("series"))),
        from_idea=Exists(Initiative.objects.filter(activity=OuterRef("pk"))),
    ).values_list("pk", "branch__name", "own_partner", "series_partner", "from_idea")
    themes = defaultdict(list)
    links = Activity.themes.through.objects.filter(activity_id__in=activities.values("pk"))
    names = {t.pk: t.label for t in Theme.objects.filter(pk__in=links.values("theme_id"))}
    for pk, theme_id in links.values_list("activity_id", "theme_id"):
        themes[pk].append(names[theme_id])  # in the page's language (``Bilingual.label``)
    by_branch: dict[str, Counter] = defaultdict(Counter)
    by_theme: dict[str, Counter] = defaultdict(Counter)
    for pk, branch, own_partner, series_partner, from_idea in rows:
        with_partner = own_partner or series_partner
        for key, table in [(branch, by_branch), *((t, by_theme) for t in themes.get(pk, []))]:
            table[key]["all"] += 1
            table[key]["partners"] += with_partner
            table[key]["residents"] += from_idea
    return {
        "by_branch": _shares(by_branch),
        "by_theme": _shares(by_theme),
    }


def _shares(table: dict[str, Counter]) -> list[dict]:
    return [
        {
            "name": name,
            "all": counts["all"],
            "partners": round(100 * counts["partners"] / counts["all"]),
            "residents": round(100 * counts["residents"] / counts["all"]),
        }
        for name, counts in sorted(table.items())
        if counts["all"]
    ]
