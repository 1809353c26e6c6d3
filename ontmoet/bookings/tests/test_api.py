import datetime

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from conftest import make_user
from ontmoet.bookings import services
from ontmoet.bookings.models import Booking
from ontmoet.venues.models import Space

from .conftest import at


def client_for(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def payload(room, day, start=(10, 0), end=(12, 0), **extra):
    return {
        "space": room.pk,
        "starts_at": at(day, *start).isoformat(),
        "ends_at": at(day, *end).isoformat(),
        "title": "Taalcafé",
        **extra,
    }


def test_spaces_by_branch(room, transvaal):
    Space.objects.create(branch=transvaal, name="Studiezaal", kind="study_area", capacity=40)
    body = APIClient().get("/api/v1/spaces?branch=schilderswijk").json()
    assert [(s["name"], s["branch"]) for s in body] == [("Zaal 1", "schilderswijk")]
    assert len(APIClient().get("/api/v1/spaces").json()) == 2
    assert APIClient().get("/api/v1/spaces?branch=nergens").json() == []


def test_availability_public_and_staff(room, maker, next_monday):
    services.booking_create(
        actor=maker,
        space=room,
        starts_at=at(next_monday, 10),
        ends_at=at(next_monday, 12),
        title="Bestuur",
    )
    query = f"from={at(next_monday, 0).isoformat()}&to={at(next_monday, 23).isoformat()}"
    url = f"/api/v1/spaces/{room.pk}/availability?" + query.replace("+", "%2B")
    [busy] = APIClient().get(url).json()["busy"]
    assert (busy["status"], busy["title"]) == ("confirmed", "")  # taken, not by whom
    assert datetime.datetime.fromisoformat(busy["starts_at"]) == at(next_monday, 9, 45)
    assert datetime.datetime.fromisoformat(busy["ends_at"]) == at(next_monday, 12, 15)
    assert client_for(maker).get(url).json()["busy"][0]["title"] == "Bestuur"


def test_availability_of_every_space_of_a_branch(room, maker, transvaal, next_monday):
    hall = Space.objects.create(branch=room.branch, name="Aula", kind="hall", capacity=120)
    Space.objects.create(branch=transvaal, name="Elders", kind="hall", capacity=20)
    services.booking_create(
        actor=maker,
        space=room,
        starts_at=at(next_monday, 10),
        ends_at=at(next_monday, 12),
        title="Bestuur",
    )
    sunday_night = at(next_monday + datetime.timedelta(days=7), 0)
    week = f"from={at(next_monday, 0).isoformat()}&to={sunday_night.isoformat()}"
    url = "/api/v1/spaces/availability?branch=schilderswijk&" + week.replace("+", "%2B")
    body = APIClient().get(url).json()
    assert [(s["space"], s["name"]) for s in body["spaces"]] == [
        (hall.pk, "Aula"),
        (room.pk, "Zaal 1"),
    ]
    assert body["spaces"][0]["busy"] == []
    [busy] = body["spaces"][1]["busy"]
    assert (busy["status"], busy["title"]) == ("confirmed", "")
    assert client_for(maker).get(url).json()["spaces"][1]["busy"][0]["title"] == "Bestuur"
    unknown = APIClient().get(url.replace("schilderswijk", "nergens"))
    assert unknown.status_code == 404
    assert APIClient().get(url.replace("branch=schilderswijk&", "")).status_code == 400


@pytest.mark.parametrize(
    "query",
    [
        "",
        "from=gisteren&to=morgen",
        "from=2027-01-02T00:00:00Z&to=2027-01-01T00:00:00Z",
        "from=2027-01-01T00:00:00Z&to=2027-03-01T00:00:00Z",
        "from=0001-01-01T00:00:00Z&to=0001-01-02T00:00:00Z",
    ],
)
def test_availability_bad_queries(room, query):
    response = APIClient().get(f"/api/v1/spaces/{room.pk}/availability?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_availability_of_an_unknown_space(db):
    response = APIClient().get(
        "/api/v1/spaces/999999/availability?from=2027-01-01T00:00:00Z&to=2027-01-02T00:00:00Z"
    )
    assert response.status_code == 404


def test_book_conflict_and_rules_through_the_api(room, maker, next_monday):
    api = client_for(maker)
    created = api.post("/api/v1/bookings", payload(room, next_monday), format="json")
    assert created.status_code == 201, created.content
    assert created.json()["blocked_from"]
    clash = api.post(
        "/api/v1/bookings", payload(room, next_monday, (11, 0), (13, 0)), format="json"
    )
    assert clash.status_code == 409
    assert clash["Content-Type"] == "application/problem+json"
    assert [c["id"] for c in clash.json()["conflicts"]] == [created.json()["id"]]
    late = api.post("/api/v1/bookings", payload(room, next_monday, (20, 0), (22, 0)), format="json")
    assert late.status_code == 400
    names = {p["name"] for p in late.json()["invalid_params"]}
    assert {"starts_at", "override_reason"} <= names
    assert Booking.objects.count() == 1


@pytest.mark.parametrize(
    "change",
    [
        {"ends_at": None},
        {"title": ""},
        {"space": 999999},
        {"space": "abc"},
        {"setup_minutes": -5},
        {"expected_people": 10**9},
        {"purpose": "party"},
        {"starts_at": "morgen"},
    ],
)
def test_bad_booking_input(room, maker, next_monday, change):
    body = {k: v for k, v in {**payload(room, next_monday), **change}.items() if v is not None}
    response = client_for(maker).post("/api/v1/bookings", body, format="json")
    assert response.status_code == 400, response.content
    assert not Booking.objects.exists()


def test_who_may_book_through_the_api(room, reader, transvaal, next_monday):
    anonymous = APIClient().post("/api/v1/bookings", payload(room, next_monday), format="json")
    assert anonymous.status_code == 401
    other = make_user("ander", role="programme_maker", branches=[transvaal])
    for user in (reader, other):
        response = client_for(user).post(
            "/api/v1/bookings", payload(room, next_monday), format="json"
        )
        assert response.status_code == 403
    assert not Booking.objects.exists()


def test_a_repeating_booking_through_the_api(room, maker, next_monday):
    api = client_for(maker)
    second = next_monday + datetime.timedelta(weeks=1)
    taken = services.booking_create(
        actor=maker, space=room, starts_at=at(second, 11), ends_at=at(second, 12), title="Bestuur"
    )
    body = {**payload(room, next_monday), "rule": "FREQ=WEEKLY;COUNT=3"}
    refused = api.post("/api/v1/booking-series", body, format="json")
    assert refused.status_code == 409
    assert [t["conflicts"] for t in refused.json()["taken"]] == [[taken.pk]]
    assert Booking.objects.count() == 1
    made = api.post("/api/v1/booking-series", {**body, "skip_taken": True}, format="json")
    assert made.status_code == 201, made.content
    assert len(made.json()["bookings"]) == 2 and len(made.json()["skipped"]) == 1
    assert made.json()["skipped"][0]["outside_rules"] == []
    endless = api.post("/api/v1/booking-series", {**body, "rule": "FREQ=WEEKLY"}, format="json")
    assert endless.status_code == 400
    assert {p["name"] for p in endless.json()["invalid_params"]} == {"rule"}
    assert client_for(None).post("/api/v1/booking-series", body, format="json").status_code == 401
