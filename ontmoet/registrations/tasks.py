"""Background work of registrations (huey): mails, reminders, expired offers, erasure.

Tasks take ids and call services or the mail builder. Mails for one transaction travel as
one task, enqueued after the commit, so a rush of registrations costs one queue write each.
"""

import logging

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from . import jobs, lookup
from .mail import build_message
from .models import Registration

log = logging.getLogger(__name__)


@db_task(retries=3, retry_delay=60)
def send_messages(messages: list[tuple[int, str, str]]) -> int:
    """Send each (registration id, kind, token); a registration erased meanwhile is skipped."""
    sent = 0
    ids = {registration_id for registration_id, _, _ in messages}
    registrations = Registration.objects.select_related(
        "activity__branch", "activity__space"
    ).in_bulk(ids)
    for registration_id, kind, token in messages:
        registration = registrations.get(registration_id)
        if registration is None or not registration.email:
            continue
        build_message(registration, kind, token).send()
        sent += 1
    log.info("sent %d registration mails", sent)
    return sent


@db_periodic_task(crontab(minute="*"))
def every_minute() -> None:
    jobs.draw_lotteries()
    jobs.expire_offers()
    jobs.send_reminders()


@db_periodic_task(crontab(minute="17", hour="*"))
def every_hour() -> None:
    jobs.erase_personal_data()


@db_task(retries=3, retry_delay=60)
def send_lookup(email: str, language: str) -> bool:
    return lookup.send_lookup_mail(email, language)
