import datetime

import pytest
from django.utils import timezone

from ontmoet.registrations.door import door_code, self_check_in_url

pytestmark = pytest.mark.django_db


def path_of(url: str) -> str:
    return url.split("8000", 1)[1]


@pytest.fixture
def tonight(event):
    return event(capacity=5, start=timezone.now() + datetime.timedelta(minutes=30))


def test_self_check_in_by_email_or_ticket_code(client, tonight, register):
    ada = register(tonight, email="ada@example.org", seats=2)
    bob = register(tonight)
    url = path_of(self_check_in_url(tonight))
    assert client.get(url).status_code == 200
    response = client.post(url, {"identifier": " ADA@example.org "})
    assert response.status_code == 200
    ada.refresh_from_db()
    assert ada.checked_in_at is not None
    client.post(url, {"identifier": bob.ticket_code.lower()})
    bob.refresh_from_db()
    assert bob.checked_in_at is not None


def test_unknown_identifier_changes_nothing(client, tonight, register):
    ada = register(tonight)
    response = client.post(path_of(self_check_in_url(tonight)), {"identifier": "x@example.org"})
    assert response.status_code == 400
    ada.refresh_from_db()
    assert ada.checked_in_at is None


def test_wrong_code_is_404_and_door_closed_outside_the_activity(client, event, register):
    later = event(start=timezone.now() + datetime.timedelta(days=3))
    ada = register(later, email="ada@example.org")
    assert client.get(f"/inchecken/{later.pk}/{'0' * 20}").status_code == 404
    assert client.get(f"/inchecken/{later.pk}/{'é' * 20}").status_code == 404  # not a 500
    assert client.get(f"/inchecken/{later.pk + 1}/{door_code(later.pk)}").status_code == 404
    client.post(path_of(self_check_in_url(later)), {"identifier": "ada@example.org"})
    ada.refresh_from_db()
    assert ada.checked_in_at is None


def test_door_poster_and_camera_permission(client, tonight, maker):
    client.force_login(maker)
    poster = client.get(f"/staff/activiteiten/{tonight.pk}/deur-qr")
    assert poster.status_code == 200 and b"<svg" in poster.content
    door_list = client.get(f"/staff/activiteiten/{tonight.pk}/deurlijst")
    assert "camera=(self)" in door_list["Permissions-Policy"]
    assert b"door-scan.js" in door_list.content
