"""A resident's request for a space starts on the language of the page for our messages
(unless they choose another)."""

import re

import pytest

from ontmoet.bookings.models import SpacePolicy


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
