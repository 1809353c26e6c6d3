"""What a partner's contact may see and change: only what their organisation co-organises.

A contact is a ``PartnerMember`` with an active account and no staff role. They see the
activities their partner is linked to (any role) and the published activities of the series
it co-hosts, change the drafts it co-hosts itself (the library publishes), and propose new
drafts for the branches their partner works with. Everything
else is a 404 for them, as other branches' records are for staff: existence is not
disclosed. The programme's services ask ``partner_may_edit_activity`` for users who are
not staff of the activity's branch, so the rule is written here once.
"""

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils import timezone

from ontmoet.programme.models import Activity
from ontmoet.registrations.models import Registration

from .models import ActivityPartner, Partner, PartnerMember, SeriesPartner


def partner_of(user) -> Partner | None:
    """The active partner the user acts for, or None."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    cached = getattr(user, "_ontmoet_partner", False)
    if cached is False:
        member = (
            PartnerMember.objects.select_related("partner")
            .filter(user=user, partner__is_active=True, accepted_at__isnull=False)
            .first()
        )
        cached = member.partner if member else None
        user._ontmoet_partner = cached
    return cached


def activities_of_partner(partner: Partner):
    """What the partner's contacts see: the activities it co-hosts itself, and the activities
    of the series it co-hosts once the library has published them (the library's drafts in
    the series stay the library's). Each is annotated ``cohosted``: whether the partner
    co-hosts the activity itself — only those it may change, and only for those are the names
    of registrants shared (under a data processing agreement)."""
    own = Exists(ActivityPartner.objects.filter(activity=OuterRef("pk"), partner=partner))
    via_series = Exists(SeriesPartner.objects.filter(series=OuterRef("series"), partner=partner))
    return Activity.objects.annotate(cohosted=own).filter(
        own | (via_series & ~Q(status=Activity.Status.DRAFT))
    )


def access_activity_for_partner(*, user, pk) -> Activity:
    """An activity the user's partner co-organises; else 404."""
    partner = partner_of(user)
    if partner is None:
        raise Http404
    try:
        return (
            activities_of_partner(partner)
            .select_related("branch", "space", "format", "series")
            .get(pk=pk)
        )
    except (Activity.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404 from None


def partner_may_edit_activity(user, activity: Activity) -> bool:
    """A draft that the user's partner co-organises, or a new draft for one of the branches
    the partner works with (any branch when none is set)."""
    partner = partner_of(user)
    if partner is None or activity.status != Activity.Status.DRAFT:
        return False
    if activity.pk is not None and activity.hosts.filter(partner=partner).exists():
        # Moving it to another branch needs that branch to be one of the partner's.
        return partner_may_use_branch(partner, activity.branch_id)
    return activity.pk is None and partner_may_use_branch(partner, activity.branch_id)


def partner_may_use_branch(partner: Partner, branch_id) -> bool:
    branch_ids = set(partner.branches.values_list("pk", flat=True))
    return not branch_ids or branch_id in branch_ids


def registrants_for_partner(*, partner: Partner, activity: Activity):
    """Who registered for the partner's activity and is still coming — only for an activity
    the partner co-hosts itself (not one it sees through its series) and under a data
    processing agreement that covers the activity's date; else None (counts only)."""
    if not activity.hosts.filter(partner=partner).exists():
        return None
    if not partner.has_dpa_on(timezone.localdate(activity.starts_at)):
        return None
    return (
        Registration.objects.filter(activity=activity, status__in=Registration.ACTIVE)
        .exclude(name="")  # erased
        .order_by("status", "created_at")
    )
