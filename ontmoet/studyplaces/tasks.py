"""Background work of study places (huey): every minute, release no-shows and erase the
personal data of slots that are over; every quarter, sample occupancy into the history."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from . import jobs


@db_periodic_task(crontab(minute="*"))
def every_minute() -> None:
    jobs.release_no_shows()
    jobs.erase_after_slot()


@db_periodic_task(crontab(minute="*/15"))
def every_quarter() -> None:
    jobs.record_zone_hours()
