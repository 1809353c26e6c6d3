"""Periodic work of initiatives: erase the initiator's contact details (and the messages,
which may hold them) ``ERASE_AFTER`` after the decision; the idea stays, anonymous, for the
overview."""

import datetime

from django.db import transaction
from django.utils import timezone

from .models import ERASE_AFTER, Initiative, InitiativeMessage


def erase_initiators(now: datetime.datetime | None = None) -> int:
    now = now or timezone.now()
    done = Initiative.objects.filter(decided_at__lte=now - ERASE_AFTER, erased_at__isnull=True)
    with transaction.atomic():
        ids = list(done.values_list("pk", flat=True))
        InitiativeMessage.objects.filter(initiative_id__in=ids).delete()
        return Initiative.objects.filter(pk__in=ids).update(
            initiator_name="",
            initiator_email="",
            initiator_phone="",
            erased_at=now,
            updated_at=now,
        )
