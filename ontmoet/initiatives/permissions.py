"""Who may see which ideas: staff see the ideas of the branches they may see (ideas without
a branch are seen by everyone in the back office, changed by central staff); an initiator
sees only their own idea, through its status link. Anything else is a 404."""

from django.http import Http404

from ontmoet.accounts import scoping

from .models import Initiative


def initiatives_viewable_by(user):
    if not scoping.is_backoffice_user(user):
        return Initiative.objects.none()
    allowed = scoping.viewable_branch_ids(user)
    ideas = Initiative.objects.select_related("branch", "neighbourhood", "activity")
    if allowed is scoping.ALL:
        return ideas
    return ideas.filter(branch_id__in=allowed) | ideas.filter(branch__isnull=True)


def access_initiative_for_staff(*, user, pk) -> Initiative:
    try:
        return initiatives_viewable_by(user).get(pk=pk)
    except (Initiative.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404 from None
