"""Periodic work, run by the huey worker (tasks.py) and callable from tests and commands.

Due times depend on per-activity settings (hours before, days after); they are worked out
here in Python over the few activities concerned rather than in engine-specific SQL.
"""

import datetime

from django.utils import timezone

from ontmoet.programme.models import Activity

from .capacity import locked_activity
from .models import AccessToken, OutboxMessage, Registration
from .outbox import outbox_kick

BATCH = 2000


def expire_offers(now=None) -> int:
    """Offers past their time go to the next on the waiting list (``locked_activity`` expires
    them on entry); this finds the activities that have any."""
    now = now or timezone.now()
    activity_ids = set(
        Registration.objects.filter(
            status=Registration.Status.OFFERED, offer_expires_at__lte=now
        ).values_list("activity_id", flat=True)
    )
    for activity_id in activity_ids:
        with locked_activity(activity_id):
            pass
    return len(activity_ids)


def draw_lotteries(now=None) -> int:
    from .lottery import draw_due_lotteries

    return draw_due_lotteries(now or timezone.now())


def send_reminders(now=None) -> int:
    """One reminder per confirmed registration, ``reminder_hours`` before the start."""
    now = now or timezone.now()
    soon = Activity.objects.filter(
        status=Activity.Status.PUBLISHED,
        registration_mode=Activity.RegistrationMode.REQUIRED,
        reminder_hours__isnull=False,
        starts_at__gt=now,
        starts_at__lte=now + datetime.timedelta(hours=336),
    ).values_list("pk", "starts_at", "reminder_hours")
    due = [pk for pk, start, hours in soon if start - datetime.timedelta(hours=hours) <= now]
    registrations = Registration.objects.filter(
        activity_id__in=due,
        status=Registration.Status.CONFIRMED,
        reminded_at__isnull=True,
        erased_at__isnull=True,
    ).exclude(email="")
    messages = []
    for registration in registrations[:BATCH]:
        # The update is the claim: a second worker finds the row taken and sends nothing.
        claimed = Registration.objects.filter(pk=registration.pk, reminded_at__isnull=True).update(
            reminded_at=now
        )
        if claimed:
            messages.append(OutboxMessage(registration=registration, kind="reminder"))
    OutboxMessage.objects.bulk_create(messages)
    if messages:
        outbox_kick()
    return len(messages)


def erase_personal_data(now=None) -> int:
    """Blank name, email, phone and needs ``erase_after_days`` after the activity ends; the
    row stays for the anonymous counts. Its secret links go with it."""
    now = now or timezone.now()
    ended = (
        Registration.objects.filter(erased_at__isnull=True, activity__ends_at__lt=now)
        .values_list("activity_id", "activity__ends_at", "activity__erase_after_days")
        .distinct()
    )
    due = [pk for pk, end, days in ended if end + datetime.timedelta(days=days) <= now]
    ids = list(
        Registration.objects.filter(activity_id__in=due, erased_at__isnull=True).values_list(
            "pk", flat=True
        )[:BATCH]
    )
    return registrations_erase(ids=ids, now=now)


def registrations_erase(*, ids, now=None) -> int:
    now = now or timezone.now()
    AccessToken.objects.filter(registration_id__in=ids).delete()
    return Registration.objects.filter(pk__in=ids, erased_at__isnull=True).update(
        name="", email="", phone="", needs=[], erased_at=now
    )
