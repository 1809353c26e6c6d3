import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from icalendar import Calendar
from rest_framework.test import APIClient

from ontmoet.programme import services as programme_services
from ontmoet.registrations.models import Registration

from .conftest import mail_sent_so_far

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(event, central):
    activity = event(capacity=2, title="Nederlands voor beginners")
    for week in (1, 2, 3):
        programme_services.activity_session_add(
            actor=central,
            activity=activity,
            starts_at=activity.starts_at + datetime.timedelta(weeks=week),
            ends_at=activity.ends_at + datetime.timedelta(weeks=week),
        )
    return activity


def test_one_registration_and_one_capacity_for_all_sessions(course, register):
    first, second, third = register(course), register(course), register(course)
    assert [first.status, second.status, third.status] == ["confirmed", "confirmed", "waitlisted"]
    assert Registration.objects.filter(activity=course).count() == 3


def test_calendar_holds_every_date(client, course, register):
    manage = register(course)
    body = client.get(course.get_ical_url()).content
    events = list(Calendar.from_ical(body).walk("VEVENT"))
    assert len(events) == 4
    assert len({str(e["uid"]) for e in events}) == 4
    assert manage.status == "confirmed"


def test_public_page_and_api_list_the_sessions(client, course):
    page = client.get(course.get_absolute_url()).content.decode()
    assert page.count("<time datetime=") >= 4
    detail = APIClient().get(f"/api/v1/activities/{course.pk}").json()
    assert len(detail["sessions"]) == 3


def test_session_rules(course, central):
    with pytest.raises(ValidationError):
        programme_services.activity_session_add(
            actor=central,
            activity=course,
            starts_at=course.starts_at - datetime.timedelta(days=1),
            ends_at=course.starts_at - datetime.timedelta(hours=22),
        )
    with pytest.raises(ValidationError):
        programme_services.activity_session_add(
            actor=central,
            activity=course,
            starts_at=course.starts_at + datetime.timedelta(days=1),
            ends_at=course.starts_at + datetime.timedelta(days=2),
        )
    assert course.sessions.count() == 3


def test_registrants_are_told_of_a_new_session(
    course, register, central, django_capture_on_commit_callbacks
):
    register(course)
    mail_sent_so_far()
    with django_capture_on_commit_callbacks(execute=True):
        programme_services.activity_session_add(
            actor=central,
            activity=course,
            starts_at=course.starts_at + datetime.timedelta(weeks=5),
            ends_at=course.ends_at + datetime.timedelta(weeks=5),
        )
    assert len(mail.outbox) == 1
    assert len(list(Calendar.from_ical(mail.outbox[0].attachments[0][1]).walk("VEVENT"))) == 5


def test_staff_add_and_remove_sessions_in_scope(client, course, maker, transvaal, event):
    client.force_login(maker)
    start = course.starts_at + datetime.timedelta(weeks=6)
    url = f"/staff/activiteiten/{course.pk}/bijeenkomsten"
    client.post(
        url,
        {
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert course.sessions.count() == 4
    session = course.sessions.last()
    client.post(f"{url}/{session.pk}/verwijderen")
    assert course.sessions.count() == 3
    elsewhere = event(branch=transvaal)
    assert client.post(f"/staff/activiteiten/{elsewhere.pk}/bijeenkomsten", {}).status_code == 404
