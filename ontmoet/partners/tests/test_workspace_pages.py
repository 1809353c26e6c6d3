"""What a partner's contact reads in the workspace: a taken room refused without naming
whose booking holds it (staff still see it), the page that edits a draft under its own
heading, and a login that speaks of the email address it asks for."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from rest_framework.test import APIClient

from ontmoet.partners import services
from ontmoet.partners.models import Role
from ontmoet.programme import services as programme
from ontmoet.programme.models import Activity
from ontmoet.venues.models import Space

TAKEN = "Die tijd is al geboekt. Kies een andere tijd."


@pytest.fixture
def taken(make_activity, space):
    """The room is booked (confirmed, by staff) for an activity of someone else."""
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    return make_activity(title="Buurtoverleg Spui", space=space, start=start)


def form_data(taxonomy, branch, space, start, **extra):
    return {
        "title": "Taalcafé",
        "summary": "Samen Nederlands oefenen.",
        "format": taxonomy["lecture"].pk,
        "branch": branch.pk,
        "space": space.pk,
        "starts_at": timezone.localtime(start).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": timezone.localtime(start + datetime.timedelta(hours=1)).strftime(
            "%Y-%m-%dT%H:%M"
        ),
        "registration_mode": "drop_in",
        **extra,
    }


def test_a_taken_room_is_refused_without_naming_whose_booking_it_is(
    client, contact, partner, central, taken, taxonomy, schilderswijk, space
):
    client.force_login(contact)
    data = form_data(taxonomy, schilderswijk, space, taken.starts_at)
    proposed = client.post("/partner/activiteiten/nieuw", data)
    html = proposed.content.decode()
    assert proposed.status_code == 200 and TAKEN in html
    assert "Buurtoverleg Spui" not in html
    assert not Activity.objects.filter(title="Taalcafé").exists()
    # Changing a draft into the taken time: the same.
    draft = services.partner_activity_propose(
        actor=contact,
        data={
            "title": "Taalcafé",
            "summary": "Samen Nederlands oefenen.",
            "format": taxonomy["lecture"],
            "branch": schilderswijk,
            "starts_at": taken.ends_at + datetime.timedelta(days=1),
            "ends_at": taken.ends_at + datetime.timedelta(days=1, hours=1),
        },
    )
    edited = client.post(f"/partner/activiteiten/{draft.pk}/bewerken", data)
    assert edited.status_code == 200 and TAKEN in edited.content.decode()
    assert "Buurtoverleg Spui" not in edited.content.decode()
    draft.refresh_from_db()
    assert draft.space_id is None
    # Through the partner API as well.
    api = APIClient()
    api.force_authenticate(contact)
    answer = api.post(
        "/api/v1/partner/activities",
        {
            "title": "Taalcafé",
            "summary": "Samen Nederlands oefenen.",
            "format": taxonomy["lecture"].slug,
            "branch": schilderswijk.slug,
            "space": space.pk,
            "starts_at": taken.starts_at.isoformat(),
            "ends_at": taken.ends_at.isoformat(),
        },
        format="json",
    )
    assert answer.status_code == 400, answer.content
    assert "Buurtoverleg Spui" not in answer.content.decode()
    # Staff plan the rooms: they are told which booking holds it.
    with pytest.raises(ValidationError, match="Buurtoverleg Spui"):
        programme.activity_create(
            actor=central,
            data={
                "title": "Ander idee",
                "summary": "Iets anders.",
                "format": taxonomy["lecture"],
                "branch": schilderswijk,
                "space": space,
                "starts_at": taken.starts_at,
                "ends_at": taken.ends_at,
            },
        )


def test_a_free_room_is_held_and_other_room_errors_are_kept(
    client, contact, taxonomy, schilderswijk, transvaal, space
):
    """Only the refusal that names a booking is reworded; the room is still held when free,
    and a room of another branch still says so."""
    client.force_login(contact)
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=4)
    made = client.post(
        "/partner/activiteiten/nieuw", form_data(taxonomy, schilderswijk, space, start)
    )
    assert made.status_code == 302
    assert Activity.objects.get(title="Taalcafé").bookings.get().status == "tentative"
    elsewhere = Space.objects.create(
        branch=transvaal, name="Buurtzaal", kind="meeting_room", capacity=20
    )
    with pytest.raises(ValidationError) as refused:
        services.partner_activity_propose(
            actor=contact,
            data={
                "title": "Elders",
                "summary": "In een andere vestiging.",
                "format": taxonomy["lecture"],
                "branch": schilderswijk,
                "space": elsewhere,
                "starts_at": start + datetime.timedelta(days=1),
                "ends_at": start + datetime.timedelta(days=1, hours=1),
            },
        )
    assert refused.value.message_dict["space"] == [
        "Deze ruimte hoort niet bij de gekozen vestiging."
    ]


def test_the_page_that_edits_a_draft_has_its_own_heading(
    client, contact, partner, central, make_activity
):
    draft = make_activity(status="draft", title="Voorleesochtend")
    services.activity_hosts_set(actor=central, activity=draft, hosts=[(partner, Role.ORGANISER)])
    client.force_login(contact)
    html = client.get(f"/partner/activiteiten/{draft.pk}/bewerken").content.decode()
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html).group(1)
    assert heading == "Het concept bewerken: Voorleesochtend"
    assert "<title>Voorleesochtend" in html
    new = client.get("/partner/activiteiten/nieuw").content.decode()
    assert re.search(r"<h1[^>]*>(.*?)</h1>", new).group(1) == "Een activiteit voorstellen"


def alert(response) -> str:
    found = re.search(
        r'role="alert"><p class="utrecht-paragraph">(.*?)</p>', response.content.decode()
    )
    return found.group(1) if found else ""


def test_the_partner_login_speaks_of_the_email_address(client, contact):
    wrong = {"username": contact.email, "password": "niet-het-wachtwoord"}
    dutch = alert(client.post("/partner/inloggen", wrong))
    assert dutch and "gebruikersnaam" not in dutch.lower()
    english = alert(client.post("/en/partner/inloggen", wrong))
    assert english == "The email address or the password is not right."
    empty = alert(client.post("/en/partner/inloggen", {"username": "", "password": ""}))
    assert empty == "Enter your email address and your password."
    right = client.post(
        "/partner/inloggen", {"username": contact.email, "password": "een-lang-wachtwoord-42"}
    )
    assert right.status_code == 302 and right["Location"] == "/partner/"
    # The staff login keeps speaking of a username.
    client.logout()
    staff = alert(client.post("/staff/login", {"username": "iemand", "password": "fout"}))
    assert "gebruikersnaam" in staff.lower()
