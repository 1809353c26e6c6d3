"""The API's answers to bad requests are problems in the request's words, never a 500: a
moment before the year 1 in UTC, a body that is no JSON, too many requests."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

BEFORE_UTC_BEGAN = "0001-01-01T00:10:00"  # Amsterdam then ran 19 min 32 s ahead of UTC


def test_a_moment_before_the_year_1_in_utc_is_a_400(space, central, taxonomy, schilderswijk):
    answer = APIClient().get(
        f"/api/v1/spaces/{space.pk}/availability",
        {"from": BEFORE_UTC_BEGAN, "to": "0001-01-02T00:00:00"},
    )
    assert answer.status_code == 400
    staff = APIClient()
    staff.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=central).key}")
    made = staff.post(
        "/api/v1/activities",
        {
            "title": "Te vroeg",
            "summary": "Voor het begin van de jaartelling.",
            "branch": schilderswijk.slug,
            "format": taxonomy["lecture"].slug,
            "starts_at": BEFORE_UTC_BEGAN,
            "ends_at": "0001-01-01T02:00:00",
        },
        format="json",
    )
    assert made.status_code == 400
    assert "starts_at" in {error["name"] for error in made.json()["invalid_params"]}


def test_a_body_that_is_no_json_is_named_as_such(space):
    answer = APIClient().post(
        f"/api/v1/spaces/{space.pk}/booking-requests",
        data="{not json",
        content_type="application/json",
    )
    assert answer.status_code == 400
    assert answer["Content-Type"] == "application/problem+json"
    assert "parse error" not in answer.json()["title"]


def test_too_many_requests_says_how_long_to_wait(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "idea-address": (0, 3600)}
    answer = APIClient().post("/api/v1/initiatives", {"title": "x"}, format="json")
    assert answer.status_code == 429
    wait = answer["Retry-After"]
    assert wait in answer.json()["detail"] and "Expected" not in answer.json()["detail"]


def test_a_forged_device_token_is_refused_in_the_requests_language():
    forged = {"HTTP_AUTHORIZATION": "Device vervalst-token"}
    dutch = APIClient().post("/api/v1/occupancy/events", {}, format="json", **forged)
    assert dutch.status_code == 401 and dutch.json()["title"].startswith("Onbekend")
    english = APIClient().post(
        "/api/v1/occupancy/events", {}, format="json", HTTP_ACCEPT_LANGUAGE="en", **forged
    )
    assert english.json()["title"] == "Unknown or inactive device token."
