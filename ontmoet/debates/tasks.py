"""Background work of debates (huey): erasing the audience's upvote receipts after the
evening."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from . import questions


@db_periodic_task(crontab(minute="23", hour="*"))
def every_hour() -> None:
    questions.erase_upvote_receipts()
