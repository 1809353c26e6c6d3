"""Sending what waits in the outbox (``models.OutboxMessage``).

After a commit that wrote messages, ``outbox_kick`` wakes the sender: at most once a second
per worker, so a rush of registrations costs no queue write per request, only its outbox
row; the worker's minute job drains whatever a kick missed. Each message is claimed before
it is sent and deleted after, so two senders never send one twice; a claim older than ten
minutes (a sender that died) is taken over.
"""

import datetime
import logging

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone

log = logging.getLogger(__name__)

KICK_SECONDS = 1
STALE_CLAIM = datetime.timedelta(minutes=10)
BATCH = 500


def outbox_kick() -> None:
    from huey.contrib.djhuey import HUEY

    from .tasks import send_outbox

    if HUEY.immediate:  # tests: send at once
        send_outbox()
    elif cache.add("registrations:outbox-kick", 1, KICK_SECONDS):
        send_outbox.schedule(delay=KICK_SECONDS)


def outbox_drain(now=None) -> int:
    """Send waiting messages, oldest first; returns how many were sent."""
    from .capacity import issue_token
    from .mail import build_message
    from .models import OutboxMessage

    now = now or timezone.now()
    waiting = Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - STALE_CLAIM)
    ids = list(
        OutboxMessage.objects.filter(waiting).order_by("id").values_list("id", flat=True)[:BATCH]
    )
    sent = 0
    for message_id in ids:
        if not OutboxMessage.objects.filter(waiting, pk=message_id).update(claimed_at=now):
            continue  # another sender has it
        message = OutboxMessage.objects.select_related(
            "registration__activity__branch", "registration__activity__space"
        ).get(pk=message_id)
        registration = message.registration
        try:
            if registration.email and not registration.is_erased:
                build_message(registration, message.kind, issue_token(registration)).send()
                sent += 1
        except Exception:
            OutboxMessage.objects.filter(pk=message_id).update(claimed_at=None)
            log.exception("mail %s to registration %s failed", message.kind, registration.pk)
            continue
        message.delete()
    return sent
