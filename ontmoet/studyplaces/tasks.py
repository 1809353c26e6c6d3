"""Background work of study places (huey): every minute, release no-shows and erase the
personal data of slots that are over; every quarter, sample occupancy into the history."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from . import jobs
from .mail import send_seat_confirmation


@db_task(retries=3, retry_delay=60)
def send_seat_mail(booking_id: int, token: str) -> bool:
    return send_seat_confirmation(booking_id, token)


@db_periodic_task(crontab(minute="*"))
def every_minute() -> None:
    jobs.release_no_shows()
    jobs.erase_after_slot()


@db_periodic_task(crontab(minute="*/15"))
def every_quarter() -> None:
    jobs.record_zone_hours()
