"""Background work of registrations (huey): mails, reminders, expired offers, erasure.

Tasks take ids and call services or the outbox sender; mails wait in the outbox table
(``outbox.py``), not in the queue.
"""

import logging

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from . import jobs, lookup
from .outbox import outbox_drain

log = logging.getLogger(__name__)


@db_task()
def send_outbox() -> int:
    sent = outbox_drain()
    log.info("sent %d registration mails", sent)
    return sent


@db_periodic_task(crontab(minute="*"))
def every_minute() -> None:
    jobs.draw_lotteries()
    jobs.expire_offers()
    jobs.send_reminders()
    outbox_drain()


@db_periodic_task(crontab(minute="17", hour="*"))
def every_hour() -> None:
    jobs.erase_personal_data()


@db_task(retries=3, retry_delay=60)
def send_lookup(email: str, language: str) -> bool:
    return lookup.send_lookup_mail(email, language)
