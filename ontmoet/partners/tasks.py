"""Background work of partners (huey): the invitation mail."""

from huey.contrib.djhuey import db_task

from .mail import send_invitation


@db_task(retries=3, retry_delay=60)
def send_invitation_mail(member_id: int, token: str, language: str = "nl") -> bool:
    return send_invitation(member_id, token, language)
