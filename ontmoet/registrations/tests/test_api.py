import pytest
from rest_framework.test import APIClient

from ontmoet.programme.tests.test_api import token_client
from ontmoet.registrations.models import Registration

pytestmark = pytest.mark.django_db


def url(activity):
    return f"/api/v1/activities/{activity.pk}/registrations"


def body(**overrides):
    data = {"name": "Ada", "email": "ada@example.org", "seats": 2, "language": "en"}
    data.update(overrides)
    return data


def test_register_confirmed_then_waitlisted(event):
    activity = event(capacity=2)
    client = APIClient()
    first = client.post(url(activity), body(), format="json")
    assert first.status_code == 201
    data = first.json()
    assert data["status"] == "confirmed" and data["seats"] == 2
    assert data["waitlist_position"] is None
    assert "/en/aanmelding/" in data["manage_url"]
    second = client.post(url(activity), body(email="bob@example.org", seats=1), format="json")
    assert second.json()["status"] == "waitlisted"
    assert second.json()["waitlist_position"] == 1
    detail = client.get(f"/api/v1/activities/{activity.pk}").json()
    assert detail["seats_available"] == 0 and detail["waitlist_length"] == 1


def test_detail_availability_refreshes_despite_the_cache(event):
    activity = event(capacity=5)
    client = APIClient()
    assert client.get(f"/api/v1/activities/{activity.pk}").json()["seats_available"] == 5
    client.post(url(activity), body(seats=3), format="json")
    assert client.get(f"/api/v1/activities/{activity.pk}").json()["seats_available"] == 2


@pytest.mark.parametrize(
    "payload",
    [
        body(seats=0),
        body(seats=-1),
        body(seats=10**30),
        body(seats="veel"),
        body(email="nope"),
        body(name=""),
        body(name="   "),
        body(language="xx"),
        {"name": "Ada"},
        body(needs=["teleport"]),
        body(seats=5),  # over the per-registration maximum of 4
    ],
)
def test_invalid_input_is_400_problem_json_and_saves_nothing(event, payload):
    response = APIClient().post(url(event()), payload, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalid_params"]
    assert not Registration.objects.exists()


def test_replay_is_409_and_saves_nothing_new(event):
    activity = event()
    client = APIClient()
    assert client.post(url(activity), body(), format="json").status_code == 201
    again = client.post(url(activity), body(), format="json")
    assert again.status_code == 409
    assert again["Content-Type"] == "application/problem+json"
    assert Registration.objects.count() == 1


def test_closed_or_impossible_is_409(event):
    drop_in = event(registration_mode="drop_in")
    assert APIClient().post(url(drop_in), body(), format="json").status_code == 409
    full = event(capacity=1, waitlist_mode="none")
    APIClient().post(url(full), body(seats=1), format="json")
    response = APIClient().post(url(full), body(email="b@example.org", seats=1), format="json")
    assert response.status_code == 409


def test_unknown_or_draft_activity_is_404(event):
    unknown = "/api/v1/activities/99999999/registrations"
    assert APIClient().post(unknown, body(), format="json").status_code == 404
    beyond_any_id = f"/api/v1/activities/{2**70}/registrations"  # found by the fuzz test
    assert APIClient().post(beyond_any_id, body(), format="json").status_code == 404
    draft = event(status="draft")
    assert APIClient().post(url(draft), body(), format="json").status_code == 404


def test_rate_limited_is_429_with_retry_after(event, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "register-email": (1, 3600)}
    activity, other = event(), event()
    APIClient().post(url(activity), body(), format="json")
    response = APIClient().post(url(other), body(), format="json")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert Registration.objects.count() == 1


def test_cancel_with_token(event):
    activity = event(capacity=1)
    client = APIClient()
    manage = client.post(url(activity), body(seats=1), format="json").json()["manage_url"]
    waiting = client.post(url(activity), body(email="b@example.org", seats=1), format="json")
    token = manage.rsplit("/", 1)[1]
    response = client.post("/api/v1/registrations/cancel", {"token": token}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    assert waiting.json()["status"] == "waitlisted"
    assert Registration.objects.get(email="b@example.org").status == "confirmed"
    bad = client.post("/api/v1/registrations/cancel", {"token": "A" * 24}, format="json")
    assert bad.status_code == 404


def test_staff_list_and_check_in_are_branch_scoped(event, central, maker, transvaal, reader):
    here = event()
    there = event(branch=transvaal)
    APIClient().post(url(here), body(), format="json")
    assert APIClient().get(url(here)).status_code == 404
    as_maker = token_client(maker)
    rows = as_maker.get(url(here)).json()
    assert rows[0]["name"] == "Ada" and rows[0]["checked_in_at"] is None
    assert as_maker.get(url(there)).status_code == 404
    code = rows[0]["ticket_code"]
    check_in = as_maker.post(
        f"/api/v1/activities/{here.pk}/check-ins", {"ticket_code": code}, format="json"
    )
    assert check_in.status_code == 200 and check_in.json()["checked_in_at"]
    assert (
        token_client(reader)
        .post(f"/api/v1/activities/{here.pk}/check-ins", {"ticket_code": code}, format="json")
        .status_code
        == 404
    )
    wrong = token_client(central).post(
        f"/api/v1/activities/{here.pk}/check-ins", {"ticket_code": "NOPE"}, format="json"
    )
    assert wrong.status_code == 404


def test_answer_matches_the_documented_shape(event):
    from ontmoet.registrations.api.serializers import RegistrationResultSerializer

    data = APIClient().post(url(event()), body(), format="json").json()
    assert set(data) == set(RegistrationResultSerializer().fields)
    serializer = RegistrationResultSerializer(data=data)
    assert serializer.is_valid(), serializer.errors


def test_mails_come_in_the_language_the_request_asked_for(event):
    activity = event(capacity=5)
    sent = {key: value for key, value in body().items() if key != "language"}
    english = APIClient().post(url(activity), sent, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 201
    assert Registration.objects.get(email="ada@example.org").language == "en"
    dutch = APIClient().post(url(activity), sent | {"email": "nl@example.org"}, format="json")
    assert dutch.status_code == 201
    assert Registration.objects.get(email="nl@example.org").language == "nl"
