from django.db import models
from django.utils import timezone


class ActivityQuerySet(models.QuerySet):
    def public(self):
        """What residents may see: published, and cancelled ones (they keep their page).

        Written as "not a draft" so the database walks the start-time index in order and
        stops after a page, instead of collecting two status ranges and sorting them.
        """
        return self.exclude(status="draft")

    def published(self):
        return self.filter(status="published")

    def upcoming(self, now=None):
        """Not yet over: includes what is happening right now.

        The lower bound on ``starts_at`` is implied by the maximum duration; stating it lets
        the database walk the start-time index from there instead of from the oldest row.
        """
        from .models import MAX_DURATION  # the model module imports this one

        now = now or timezone.now()
        return self.filter(ends_at__gte=now, starts_at__gte=now - MAX_DURATION)

    def between(self, start, end):
        return self.filter(starts_at__lt=end, ends_at__gt=start)

    def for_branches(self, branch_ids):
        """``None`` means every branch (see accounts.scoping)."""
        return self if branch_ids is None else self.filter(branch_id__in=branch_ids)
