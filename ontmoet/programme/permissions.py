"""Who may see and change which activities. Built on ``accounts.scoping``; the back-office
views, the admin and the API all use these helpers, so the rule is written once."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from ontmoet.accounts import scoping

from .models import Activity


def activities_viewable_by(user):
    return Activity.objects.for_branches(scoping.viewable_branch_ids(user))


def activities_editable_by(user):
    return Activity.objects.for_branches(scoping.editable_branch_ids(user))


def access_activity_for_staff(*, user, pk, edit: bool = False) -> Activity:
    """The activity if the user may see it (and, with ``edit``, change it); else 404.

    A 404 rather than a 403 for other branches' records: existence is not disclosed.
    """
    if not scoping.is_backoffice_user(user):
        raise Http404
    queryset = activities_editable_by(user) if edit else activities_viewable_by(user)
    try:
        return queryset.select_related("branch", "space", "format", "series").get(pk=pk)
    except (Activity.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def ensure_can_edit_branch(*, user, branch) -> None:
    if not scoping.can_edit_branch(user, getattr(branch, "pk", None)):
        raise PermissionDenied("You may not plan activities for this branch.")


def ensure_can_edit_activity(*, user, activity: Activity) -> None:
    """Staff of the activity's branch may change it. A partner's contact may change a draft
    their organisation co-organises, or propose one (``ontmoet.partners.permissions``
    holds that rule; imported here so that the programme does not depend on partners at
    import time)."""
    if scoping.can_edit_branch(user, activity.branch_id):
        return
    if not scoping.is_backoffice_user(user):
        from ontmoet.partners.permissions import partner_may_edit_activity

        if partner_may_edit_activity(user, activity):
            return
    raise PermissionDenied("You may not change this activity.")
