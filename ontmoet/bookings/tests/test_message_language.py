"""A resident's request for a space starts on the language of the page for our messages
(unless they choose another)."""

import re

import pytest
from rest_framework.test import APIClient

from ontmoet.bookings.models import Booking, SpacePolicy

from .conftest import at


@pytest.fixture
def open_room(room):
    SpacePolicy.objects.filter(space=room).update(bookable_by="residents", max_hours=4)
    return room


def selected_language(html: str) -> list[str]:
    form = html[html.index('name="language"') :]
    return re.findall(r'<option value="(\w+)" selected>', form[: form.index("</select>")])


def test_the_request_form_starts_on_the_language_of_the_page(client, open_room):
    english = client.get(f"/en/ruimte/{open_room.pk}/aanvragen")
    assert english.status_code == 200
    assert selected_language(english.content.decode()) == ["en"]
    dutch = client.get(f"/ruimte/{open_room.pk}/aanvragen")
    assert selected_language(dutch.content.decode()) == ["nl"]


def test_the_api_writes_in_the_language_the_request_asked_for(open_room, next_monday):
    body = {
        "starts_at": at(next_monday, 14).isoformat(),
        "ends_at": at(next_monday, 15).isoformat(),
        "title": "Buurtoverleg",
        "name": "Jan",
        "email": "jan@example.org",
        "expected_people": 8,
    }
    url = f"/api/v1/spaces/{open_room.pk}/booking-requests"
    assert APIClient().post(url, body, format="json", HTTP_ACCEPT_LANGUAGE="en").status_code == 201
    assert Booking.objects.get(title="Buurtoverleg").requester_language == "en"
    later = {**body, "starts_at": at(next_monday, 16).isoformat(), "title": "Later"}
    later["ends_at"] = at(next_monday, 17).isoformat()
    assert APIClient().post(url, later, format="json").status_code == 201
    assert Booking.objects.get(title="Later").requester_language == "nl"
