"""Which branches a staff member may see and plan for, as pages need them. Built on
``accounts.scoping``; the staff pages of bookings and study places use these helpers, so
the rule is written once."""

from django.http import Http404

from ontmoet.accounts import scoping

from .models import Branch


def branches_viewable_by(user):
    allowed = scoping.viewable_branch_ids(user)
    branches = Branch.objects.order_by("-is_central", "name")
    return branches if allowed is scoping.ALL else branches.filter(pk__in=allowed)


def access_branch_for_staff(*, user, slug: str, edit: bool = False) -> Branch:
    """The branch if the user may see it (and, with ``edit``, plan for it); else 404.

    A 404 rather than a 403 for other branches: the same as for their activities."""
    allowed = scoping.editable_branch_ids(user) if edit else scoping.viewable_branch_ids(user)
    branch = Branch.objects.filter(slug=str(slug)[:80]).first()
    if branch is None or (allowed is not scoping.ALL and branch.pk not in allowed):
        raise Http404
    return branch


def branches_editable_by(user):
    """The branches the user may plan for (of those they may see)."""
    allowed = scoping.editable_branch_ids(user)
    branches = branches_viewable_by(user)
    return branches if allowed is scoping.ALL else branches.filter(pk__in=allowed)
