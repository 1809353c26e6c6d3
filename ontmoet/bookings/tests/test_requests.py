"""Residents ask for a space: rules, the staff decision with a reason, mails, lapsing and
erasure; through the service, the public form and the API."""

import datetime

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone
from rest_framework.test import APIClient

from ontmoet.bookings import jobs, services
from ontmoet.bookings.models import Booking, SpacePolicy
from ontmoet.core.models import AuditEntry

from .conftest import at


@pytest.fixture
def open_room(room):
    SpacePolicy.objects.filter(space=room).update(bookable_by="residents", max_hours=4)
    room.refresh_from_db()
    return room


def ask(room, day, start=(14, 0), end=(16, 0), **extra):
    values = {
        "space": room,
        "starts_at": at(day, *start),
        "ends_at": at(day, *end),
        "title": "Buurtoverleg Schilderswijk",
        "name": "Fatima el Amrani",
        "email": "Fatima@example.org",
        "expected_people": 12,
        **extra,
    }
    return services.booking_request_create(**values)


@pytest.fixture
def mailed(django_capture_on_commit_callbacks):
    """Run the after-commit mail of each call at once: ``with mailed(): ...``."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_request_waits_for_staff_and_the_resident_hears_of_it(
    open_room, maker, next_monday, mailed
):
    with mailed():
        booking = ask(open_room, next_monday)
    assert (booking.status, booking.purpose) == ("tentative", "resident")
    assert booking.requester_email == "fatima@example.org"
    assert booking.hold_expires_at <= booking.starts_at
    assert [m.to for m in mail.outbox] == [["fatima@example.org"]]
    assert "Buurtoverleg" in mail.outbox[0].body
    with mailed():
        services.booking_request_decide(actor=maker, booking=booking, approve=True)
    booking.refresh_from_db()
    assert (booking.status, booking.decided_by) == ("confirmed", maker)
    assert AuditEntry.objects.filter(code="bookings.request.approved").exists()
    assert len(mail.outbox) == 2


def test_decline_needs_a_reason_that_the_resident_reads(open_room, maker, next_monday, mailed):
    booking = ask(open_room, next_monday)
    with pytest.raises(ValidationError):
        services.booking_request_decide(actor=maker, booking=booking, approve=False)
    with mailed():
        services.booking_request_decide(
            actor=maker, booking=booking, approve=False, reason="Die middag is er een verbouwing."
        )
    booking.refresh_from_db()
    assert booking.status == "declined"
    assert "Die middag is er een verbouwing." in mail.outbox[-1].body


def test_a_request_for_a_taken_time_is_refused_without_saying_by_whom(
    open_room, maker, next_monday
):
    services.booking_create(
        actor=maker,
        space=open_room,
        starts_at=at(next_monday, 15),
        ends_at=at(next_monday, 16),
        title="Geheim overleg",
    )
    with pytest.raises(services.BookingConflict):
        ask(open_room, next_monday)
    assert Booking.objects.count() == 1 and not mail.outbox


def test_approving_checks_the_time_again(open_room, maker, next_monday):
    request = ask(open_room, next_monday)
    services.booking_create(
        actor=maker,
        space=open_room,
        starts_at=at(next_monday, 15),
        ends_at=at(next_monday, 16),
        title="Eerder geboekt",
    )
    with pytest.raises(services.BookingConflict):
        services.booking_request_decide(actor=maker, booking=request, approve=True)
    request.refresh_from_db()
    assert request.status == "tentative"


def test_the_rules_for_residents_have_no_exceptions(open_room, space, next_monday):
    with pytest.raises(ValidationError) as late:
        ask(open_room, next_monday, (19, 0), (22, 0))  # closes at 21:00
    assert "starts_at" in late.value.message_dict
    with pytest.raises(ValidationError) as long:
        ask(open_room, next_monday, (9, 0), (15, 0))  # at most 4 hours
    assert "ends_at" in long.value.message_dict
    with pytest.raises(ValidationError) as crowd:
        ask(open_room, next_monday, expected_people=500)
    assert "expected_people" in crowd.value.message_dict
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as past:
        ask(open_room, yesterday)
    assert "starts_at" in past.value.message_dict
    SpacePolicy.objects.filter(space=open_room).update(bookable_by="staff")
    open_room.refresh_from_db()
    with pytest.raises(services.RequestRefused):
        ask(open_room, next_monday)
    assert not Booking.objects.exists()


def test_without_approval_a_request_is_booked_at_once(open_room, next_monday):
    SpacePolicy.objects.filter(space=open_room).update(needs_approval=False)
    open_room.refresh_from_db()
    assert ask(open_room, next_monday).status == "confirmed"


def test_requests_lapse_and_personal_data_is_erased(open_room, next_monday, mailed):
    booking = ask(open_room, next_monday)
    assert jobs.lapse_requests(now=booking.hold_expires_at - datetime.timedelta(minutes=1)) == 0
    with mailed():
        assert jobs.lapse_requests(now=booking.hold_expires_at) == 1
    booking.refresh_from_db()
    assert booking.status == "declined"
    assert "vervallen" in mail.outbox[-1].body  # Dutch, the requester's language
    assert jobs.erase_requesters(now=booking.ends_at + datetime.timedelta(days=29)) == 0
    assert jobs.erase_requesters(now=booking.ends_at + datetime.timedelta(days=31)) == 1
    booking.refresh_from_db()
    assert (booking.requester_name, booking.requester_email, booking.needs) == ("", "", "")
    assert booking.erased_at is not None and booking.title  # the use of the space stays


def form(room, day, **extra):
    return {
        "day": day.isoformat(),
        "start": "14:00",
        "end": "16:00",
        "title": "Buurtoverleg",
        "expected_people": "10",
        "name": "Jan Jansen",
        "email": "jan@example.org",
        "language": "nl",
        **extra,
    }


def test_the_public_form(client, open_room, space, next_monday):
    url = f"/ruimte/{open_room.pk}/aanvragen"
    page = client.get(url)
    assert page.status_code == 200 and 'name="website"' in page.content.decode()
    sent = client.post(url, form(open_room, next_monday))
    assert sent.status_code == 200 and Booking.objects.get().requester_name == "Jan Jansen"
    taken = client.post(url, form(open_room, next_monday, email="ander@example.org"))
    assert taken.status_code == 200  # a tentative request holds nothing: both wait
    bot = client.post(url, form(open_room, next_monday, website="http://spam"))
    assert bot.status_code == 200 and Booking.objects.count() == 2
    bad = client.post(url, form(open_room, next_monday, end="13:00", email="geen-email"))
    assert bad.status_code == 400 and 'aria-invalid="true"' in bad.content.decode()
    SpacePolicy.objects.filter(space=open_room).update(bookable_by="staff")
    assert client.get(url).status_code == 404


def test_the_public_form_is_rate_limited(client, open_room, next_monday, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "booking-request-email": (2, 3600)}
    url = f"/ruimte/{open_room.pk}/aanvragen"
    for _ in range(2):
        client.post(url, form(open_room, next_monday))
    assert client.post(url, form(open_room, next_monday)).status_code == 429


def test_staff_decide_in_the_queue(client, maker, reader, open_room, schilderswijk, next_monday):
    booking = ask(open_room, next_monday)
    client.force_login(reader)
    queue = f"/staff/ruimtes/{schilderswijk.slug}/aanvragen"
    assert "Buurtoverleg Schilderswijk" in client.get(queue).content.decode()
    decide = f"{queue}/{booking.pk}"
    assert client.post(decide, {"decision": "approve"}).status_code == 404  # reading only
    client.force_login(maker)
    client.post(decide, {"decision": "decline"})  # no reason: refused
    booking.refresh_from_db()
    assert booking.status == "tentative"
    client.post(decide, {"decision": "decline", "reason": "Zaal in onderhoud"})
    booking.refresh_from_db()
    assert (booking.status, booking.decision_reason) == ("declined", "Zaal in onderhoud")


def api_body(day, start: int, end: int, title: str = "Buurtoverleg") -> dict:
    return {
        "starts_at": at(day, start).isoformat(),
        "ends_at": at(day, end).isoformat(),
        "title": title,
        "name": "Jan",
        "email": "jan@example.org",
        "expected_people": 8,
    }


def test_the_api(open_room, next_monday):
    url = f"/api/v1/spaces/{open_room.pk}/booking-requests"
    body = api_body(next_monday, 14, 16)
    made = APIClient().post(url, body, format="json")
    assert made.status_code == 201 and made.json()["status"] == "tentative"
    assert APIClient().post(url, {**body, "email": "x"}, format="json").status_code == 400
    assert (
        APIClient().post("/api/v1/spaces/999999/booking-requests", body, format="json").status_code
        == 404
    )


def test_the_api_writes_in_the_language_the_request_asked_for(open_room, next_monday):
    url = f"/api/v1/spaces/{open_room.pk}/booking-requests"
    english = api_body(next_monday, 14, 15)
    assert (
        APIClient().post(url, english, format="json", HTTP_ACCEPT_LANGUAGE="en").status_code == 201
    )
    assert Booking.objects.get(title="Buurtoverleg").requester_language == "en"
    dutch = api_body(next_monday, 16, 17, title="Later")
    assert APIClient().post(url, dutch, format="json").status_code == 201
    assert Booking.objects.get(title="Later").requester_language == "nl"


def test_the_branch_page_offers_the_rooms_one_may_ask_for(client, open_room, schilderswijk):
    url = f"/ruimte/{open_room.pk}/aanvragen"
    assert url in client.get(schilderswijk.get_absolute_url()).content.decode()
    SpacePolicy.objects.filter(space=open_room).update(bookable_by="partners")
    cache.clear()  # the public page is cached; a change of rules shows within a minute
    page = client.get(schilderswijk.get_absolute_url()).content.decode()
    assert url in page and "for your organisation" in page.replace(
        "voor je organisatie", "for your organisation"
    )
    SpacePolicy.objects.filter(space=open_room).update(bookable_by="staff")
    cache.clear()
    assert url not in client.get(schilderswijk.get_absolute_url()).content.decode()


def test_a_space_for_partners_takes_requests_that_name_an_organisation(
    client, open_room, next_monday, maker
):
    SpacePolicy.objects.filter(space=open_room).update(bookable_by="partners")
    open_room.refresh_from_db()
    with pytest.raises(ValidationError) as nameless:
        ask(open_room, next_monday)
    assert "organisation" in nameless.value.message_dict
    booking = ask(open_room, next_monday, organisation="  Stichting Buurtwerk  ")
    assert (booking.purpose, booking.requester_organisation) == ("partner", "Stichting Buurtwerk")
    # The form asks for the organisation and refuses without it; the staff queue shows it.
    url = f"/ruimte/{open_room.pk}/aanvragen"
    later = next_monday + datetime.timedelta(days=1)
    refused = client.post(url, form(open_room, later))
    assert refused.status_code == 400 and not Booking.objects.filter(starts_at__date=later)
    sent = client.post(url, form(open_room, later, organisation="Humanitas"))
    assert sent.status_code == 200
    assert Booking.objects.get(starts_at__date=later).requester_organisation == "Humanitas"
    client.force_login(maker)
    queue = client.get(f"/staff/ruimtes/{open_room.branch.slug}/aanvragen").content.decode()
    assert "Stichting Buurtwerk" in queue and "Humanitas" in queue
    # Through the API as well.
    api = APIClient().post(
        f"/api/v1/spaces/{open_room.pk}/booking-requests",
        {
            "starts_at": at(later, 17).isoformat(),
            "ends_at": at(later, 18).isoformat(),
            "title": "Overleg",
            "name": "Jan",
            "email": "jan@example.org",
            "expected_people": 4,
        },
        format="json",
    )
    assert api.status_code == 400
    assert [p["name"] for p in api.json()["invalid_params"]] == ["organisation"]


def test_a_reason_with_control_bytes_is_refused(client, maker, open_room, next_monday):
    booking = ask(open_room, next_monday)
    client.force_login(maker)
    decide = f"/staff/ruimtes/{open_room.branch.slug}/aanvragen/{booking.pk}"
    client.post(decide, {"decision": "decline", "reason": "Vol\x00"})
    booking.refresh_from_db()
    assert booking.status == "tentative"


def test_a_granted_request_cancelled_from_the_grid_tells_the_requester_why(
    client, open_room, maker, schilderswijk, next_monday, mailed
):
    with mailed():
        booking = ask(open_room, next_monday)
        services.booking_request_decide(actor=maker, booking=booking, approve=True)
    client.force_login(maker)
    url = f"/staff/ruimtes/{schilderswijk.slug}/boekingen/{booking.pk}/annuleren"
    grid = client.get(f"/staff/ruimtes/{schilderswijk.slug}/planning?dag={next_monday}")
    assert f'id="cancel-reason-{booking.pk}"' in grid.content.decode()
    client.post(url, {"reason": ""})
    booking.refresh_from_db()
    assert booking.status == "confirmed"  # no reason, nothing cancelled
    with mailed():
        client.post(url, {"reason": "Lekkage in de zaal."})
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    assert mail.outbox[-1].to == ["fatima@example.org"]
    assert "Geannuleerd" in mail.outbox[-1].subject
    assert "Lekkage in de zaal." in mail.outbox[-1].body
