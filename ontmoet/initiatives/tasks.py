"""Background work of initiatives (huey): mails to initiators, and erasure."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from . import jobs, mail


@db_task(retries=3, retry_delay=60)
def send_initiative_mail(initiative_id: int, kind: str) -> bool:
    return mail.send_initiative_mail(initiative_id, kind)


@db_periodic_task(crontab(minute="41", hour="3"))
def every_night() -> None:
    jobs.erase_initiators()
