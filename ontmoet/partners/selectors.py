"""Reads about partners: the public list and page, and what a partner co-organises."""

from django.db.models import Prefetch
from django.utils import timezone

from ontmoet.programme.models import Activity

from .models import Partner, SeriesPartner


def partner_list_public():
    return (
        Partner.objects.filter(is_public=True, is_active=True)
        .prefetch_related("branches")
        .order_by("kind", "name")
    )


def partner_detail_public(*, slug: str) -> Partner:
    return (
        Partner.objects.filter(is_public=True)
        .prefetch_related(
            "branches",
            Prefetch("series", queryset=SeriesPartner.objects.select_related("series")),
        )
        .get(slug=str(slug)[:120])
    )


def partner_activities_public(partner: Partner, *, limit: int = 20):
    """The partner's upcoming public activities, soonest first."""
    return (
        Activity.objects.public()
        .upcoming(timezone.now())
        .filter(hosts__partner=partner)
        .select_related("branch", "format")
        .order_by("starts_at")[:limit]
    )


def partner_history(partner: Partner):
    """Every activity the partner co-organised or co-organises, newest first (for staff)."""
    return (
        Activity.objects.filter(hosts__partner=partner)
        .select_related("branch")
        .prefetch_related("hosts")
        .order_by("-starts_at")
    )
