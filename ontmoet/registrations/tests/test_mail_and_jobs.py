import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from ontmoet.programme import services as programme_services
from ontmoet.registrations import jobs, services
from ontmoet.registrations.models import AccessToken, OutboxMessage, Registration
from ontmoet.registrations.selectors import registration_by_token

from .conftest import mail_sent_so_far

pytestmark = pytest.mark.django_db


def test_confirmation_mail_has_text_html_ics_and_link(
    event, register, django_capture_on_commit_callbacks
):
    activity = event(capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(activity, seats=2, language="en")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [registration.email]
    assert message.subject.startswith("You are registered")
    token = re.search(r"/aanmelding/([\w-]{24})", message.body).group(1)
    assert registration_by_token(token).pk == registration.pk  # a fresh, working link
    assert "Koningstraat 439" in message.body
    assert "/vestigingen/" in message.body  # how to get there: the branch page
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and token in html
    name, content, kind = message.attachments[0]
    assert name.endswith(".ics") and kind == "text/calendar"
    assert "BEGIN:VEVENT" in str(content)


def test_dutch_mail_for_dutch_registrants(event, register, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register(event(), language="nl")
    assert mail.outbox[0].subject.startswith("Je bent aangemeld")


def test_promotion_is_mailed_with_a_fresh_working_link(
    event, register, django_capture_on_commit_callbacks
):
    activity = event(capacity=1)
    holder = register(activity)
    waiting = register(activity)
    mail_sent_so_far()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=holder)
    subjects = sorted(m.subject for m in mail.outbox)
    assert len(subjects) == 2  # the cancellation and the promotion
    promoted = next(m for m in mail.outbox if m.to == [waiting.email])
    # Its own link from registering, the waiting-list mail's and the promotion mail's.
    assert AccessToken.objects.filter(registration=waiting).count() == 3
    assert "/aanmelding/" in promoted.body


def test_reminder_sent_once_in_time(event, register, django_capture_on_commit_callbacks):
    start = timezone.now() + datetime.timedelta(hours=20)
    activity = event(start=start, reminder_hours=24)
    later = event(start=start + datetime.timedelta(days=3), reminder_hours=24)
    silent = event(start=start, reminder_hours=None)
    register(activity)
    register(later)
    register(silent)
    mail_sent_so_far()
    assert jobs.send_reminders() == 1
    assert jobs.send_reminders() == 0
    assert len(mail.outbox) == 1 and "Herinnering" in mail.outbox[0].subject
    assert mail.outbox[0].attachments


def test_activity_changes_and_cancellation_are_announced(
    event, register, central, django_capture_on_commit_callbacks
):
    activity = event(capacity=5)
    registration = register(activity)
    mail_sent_so_far()
    with django_capture_on_commit_callbacks(execute=True):
        programme_services.activity_update(
            actor=central,
            activity=activity,
            data={
                "starts_at": activity.starts_at + datetime.timedelta(hours=1),
                "ends_at": activity.ends_at + datetime.timedelta(hours=1),
            },
        )
    assert len(mail.outbox) == 1 and "Gewijzigd" in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        programme_services.activity_cancel(actor=central, activity=activity, reason="Ziek")
    assert "Afgelast" in mail.outbox[-1].subject
    registration.refresh_from_db()
    assert registration.status == "cancelled" and registration.ending == "activity_cancelled"


def test_personal_data_erased_after_the_set_days(event, register):
    start = timezone.now() + datetime.timedelta(days=1)
    activity = event(start=start, erase_after_days=30)
    registration = register(activity, needs=("wheelchair",))
    assert jobs.erase_personal_data() == 0
    later = activity.ends_at + datetime.timedelta(days=30, minutes=1)
    assert jobs.erase_personal_data(now=later) == 1
    registration.refresh_from_db()
    assert registration.name == "" and registration.email == "" and registration.needs == []
    assert registration.erased_at is not None
    assert registration.seats == 1 and registration.status == "confirmed"  # counts stay
    assert not AccessToken.objects.filter(registration=registration).exists()
    assert Registration.objects.filter(activity=activity).count() == 1


def test_mail_waits_in_the_outbox_until_sent(event, register):
    registration = register(event())  # the commit's kick is not run here
    assert OutboxMessage.objects.filter(registration=registration).count() == 1
    assert len(mail.outbox) == 0
    from ontmoet.registrations.outbox import outbox_drain

    assert outbox_drain() == 1
    assert outbox_drain() == 0  # sent once
    assert len(mail.outbox) == 1 and not OutboxMessage.objects.exists()


def test_a_rolled_back_change_mails_nobody(event, register):
    from django.db import transaction

    activity = event()
    with pytest.raises(RuntimeError), transaction.atomic():
        register(activity)
        raise RuntimeError
    assert not OutboxMessage.objects.exists()
