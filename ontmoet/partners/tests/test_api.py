"""A partner contact's token asks for rooms through POST /api/v1/bookings: a tentative
request for spaces lent to partners, never a confirmed booking, audited."""

import datetime

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ontmoet.bookings.models import Booking, SpacePolicy
from ontmoet.core.models import AuditEntry
from ontmoet.partners import services
from ontmoet.partners.models import Role
from ontmoet.programme.models import Activity
from ontmoet.programme.services import activity_publish
from ontmoet.venues.models import OpeningHours


@pytest.fixture
def partner_room(space, schilderswijk):
    SpacePolicy.objects.update_or_create(
        space=space, defaults={"bookable_by": "partners", "max_hours": 4}
    )
    for weekday in range(7):
        OpeningHours.objects.create(
            branch=schilderswijk, weekday=weekday, opens="09:00", closes="21:00"
        )
    return space


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def body(space, tomorrow_at, start=10, end=12):
    return {
        "space": space.pk,
        "starts_at": tomorrow_at(start).isoformat(),
        "ends_at": tomorrow_at(end).isoformat(),
        "title": "Vrijwilligersoverleg",
        "expected_people": 8,
    }


def test_a_partner_token_asks_and_never_books(contact, partner, partner_room, tomorrow_at, maker):
    client = token_client(contact)
    made = client.post("/api/v1/bookings", body(partner_room, tomorrow_at), format="json")
    assert made.status_code == 201 and made.json()["status"] == "tentative"
    booking = Booking.objects.get()
    assert (booking.purpose, booking.requester_organisation) == ("partner", partner.name)
    assert AuditEntry.objects.filter(code="partners.room.requested", actor=contact).exists()
    # A time confirmed for someone else is refused without saying for whom.
    token_client(maker).post(
        "/api/v1/bookings", body(partner_room, tomorrow_at, 14, 16), format="json"
    )
    taken = client.post("/api/v1/bookings", body(partner_room, tomorrow_at, 14, 16), format="json")
    assert taken.status_code == 409 and "Vrijwilligersoverleg" not in taken.content.decode()
    SpacePolicy.objects.filter(space=partner_room).update(bookable_by="staff")
    refused = client.post(
        "/api/v1/bookings", body(partner_room, tomorrow_at, 17, 18), format="json"
    )
    assert refused.status_code == 403
    assert Booking.objects.filter(status="confirmed").count() == 1  # only the maker's


def test_a_partner_token_cannot_use_the_staff_api(contact, partner_room, tomorrow_at):
    client = token_client(contact)
    series = client.post(
        "/api/v1/booking-series",
        {**body(partner_room, tomorrow_at), "rule": "FREQ=WEEKLY;COUNT=3"},
        format="json",
    )
    assert series.status_code in (403, 404)
    assert not Booking.objects.exists()


def test_partner_activities_through_the_api(
    contact, partner, other_partner, central, maker, make_activity, taxonomy, schilderswijk
):
    client = token_client(contact)
    start = make_activity().starts_at
    body = {
        "title": "Buurtsoep",
        "summary": "Soep en verhalen.",
        "format": taxonomy["lecture"].slug,
        "branch": schilderswijk.slug,
        "starts_at": start.isoformat(),
        "ends_at": (start + datetime.timedelta(hours=2)).isoformat(),
    }
    made = client.post("/api/v1/partner/activities", body, format="json")
    assert made.status_code == 201 and made.json()["status"] == "draft"
    pk = made.json()["id"]
    sneaky = client.post(
        "/api/v1/partner/activities", {**body, "status": "published", "series": "x"}, format="json"
    )
    assert sneaky.status_code == 201 and sneaky.json()["status"] == "draft"  # ignored fields
    changed = client.patch(f"/api/v1/partner/activities/{pk}", {"title": "Soep!"}, format="json")
    assert changed.status_code == 200 and changed.json()["title"] == "Soep!"
    listed = {a["id"] for a in client.get("/api/v1/partner/activities").json()}
    assert listed == {pk, sneaky.json()["id"]}
    theirs = make_activity(status="draft")
    services.activity_hosts_set(
        actor=central, activity=theirs, hosts=[(other_partner, Role.CONTENT)]
    )
    for url in (f"/api/v1/partner/activities/{theirs.pk}", "/api/v1/partner/activities/999999"):
        assert client.get(url).status_code == 404
        assert client.patch(url, {"title": "X"}, format="json").status_code == 404
    # Staff and anonymous callers have no partner here.
    assert token_client(maker).get("/api/v1/partner/activities").status_code == 404
    assert APIClient().get("/api/v1/partner/activities").status_code in (401, 403)
    # A published activity is the library's: no longer changed by the partner.
    activity_publish(actor=central, activity=Activity.objects.get(pk=pk))
    gone = client.patch(f"/api/v1/partner/activities/{pk}", {"title": "Y"}, format="json")
    assert gone.status_code == 404
    assert client.get(f"/api/v1/partner/activities/{pk}").json()["title"] == "Soep!"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/partners?branch=%00",
        "/api/v1/partners?kind=a%20b",
        "/api/v1/spaces?branch=%00",
        "/api/v1/occupancy?branch=%C3%A9%00",
    ],
)
def test_slug_filters_refuse_what_is_not_a_slug(db, url):
    response = APIClient().get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_a_partner_token_asks_only_in_its_partners_branches(
    contact, partner, partner_room, transvaal_room, tomorrow_at
):
    client = token_client(contact)
    elsewhere = client.post("/api/v1/bookings", body(transvaal_room, tomorrow_at), format="json")
    assert elsewhere.status_code == 400
    assert [p["name"] for p in elsewhere.json()["invalid_params"]] == ["space"]
    assert not Booking.objects.exists()
    assert not AuditEntry.objects.filter(code="partners.room.requested").exists()
    own = client.post("/api/v1/bookings", body(partner_room, tomorrow_at), format="json")
    assert own.status_code == 201
