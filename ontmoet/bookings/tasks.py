"""Background work of room bookings (huey): mails to requesters, lapsing requests, erasure."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from . import jobs
from .mail import send_request_mail


@db_task(retries=3, retry_delay=60)
def send_booking_mail(booking_id: int, kind: str) -> bool:
    return send_request_mail(booking_id, kind)


@db_periodic_task(crontab(minute="*/5"))
def every_five_minutes() -> None:
    jobs.lapse_requests()


@db_periodic_task(crontab(minute="23", hour="*"))
def every_hour() -> None:
    jobs.erase_requesters()
