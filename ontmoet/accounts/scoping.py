"""Branch scoping: the one place that says which branches a user may see and change.

The admin, the back-office views and the API all ask these functions; none of them decides
on its own. ``None`` means "every branch".
"""

from __future__ import annotations

from .models import User

ALL = None


def is_backoffice_user(user) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and (user.is_superuser or user.role)
    )


def viewable_branch_ids(user) -> set[int] | None:
    """Branches whose records the user may read in the back office (None = all)."""
    if not is_backoffice_user(user):
        return set()
    if user.is_superuser or user.role in {User.Role.CENTRAL_STAFF, User.Role.READ_ONLY}:
        return ALL
    return _own_branch_ids(user)


def editable_branch_ids(user) -> set[int] | None:
    """Branches whose records the user may change (None = all)."""
    if not is_backoffice_user(user):
        return set()
    if user.is_superuser or user.role == User.Role.CENTRAL_STAFF:
        return ALL
    if user.role == User.Role.PROGRAMME_MAKER:
        return _own_branch_ids(user)
    return set()


def can_edit_branch(user, branch_id: int | None) -> bool:
    allowed = editable_branch_ids(user)
    return allowed is ALL or (branch_id is not None and branch_id in allowed)


def can_edit_anything(user) -> bool:
    allowed = editable_branch_ids(user)
    return allowed is ALL or bool(allowed)


def _own_branch_ids(user) -> set[int]:
    # Cached on the user object: one query per request, however often it is asked.
    cached = getattr(user, "_ontmoet_branch_ids", None)
    if cached is None:
        cached = set(user.branches.values_list("pk", flat=True))
        user._ontmoet_branch_ids = cached
    return cached


def can_manage_lists(user) -> bool:
    """Branches, spaces, taxonomies and series are kept by central staff and administrators."""
    return is_backoffice_user(user) and (user.is_superuser or user.role == User.Role.CENTRAL_STAFF)
