"""Co-hosting a series: its co-hosts show on each of its activities' pages and in their
JSON-LD (with their roles, besides the activity's own co-hosts), and on the series page and
its JSON-LD. A partner not listed publicly has no public page: it is named, not linked. A
series co-host's contact sees the series' published activities with their counts, and
changes (and sees the names of registrants for) only what their organisation co-hosts
itself."""

import json
import re

import pytest
from django.utils import timezone, translation
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ontmoet.partners import services
from ontmoet.partners.models import Agreement, Role
from ontmoet.programme.models import Series
from ontmoet.registrations.models import Registration


def jsonld_of(html: str) -> dict:
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )


def label(role) -> str:
    with translation.override("nl"):
        return str(role.label)


@pytest.fixture
def series(central, partner, other_partner):
    """A series co-organised by ``partner`` and funded by ``other_partner``, who is not
    listed publicly."""
    services.partner_update(actor=central, partner=other_partner, data={"is_public": False})
    made = Series.objects.create(title="Vrijheid in debat", slug="vrijheid", summary="Debatten.")
    services.series_hosts_set(
        actor=central,
        series=made,
        hosts=[(partner, Role.CO_ORGANISER), (other_partner, Role.FUNDER)],
    )
    return made


def test_an_activity_shows_its_series_co_hosts(
    client, series, partner, other_partner, make_activity
):
    activity = make_activity(title="Eerste debat", series=series)
    html = client.get(activity.get_absolute_url()).content.decode()
    link = f'<a class="utrecht-link" href="/partners/{partner.slug}">Stichting Buurtkracht</a>'
    assert f"{link} ({label(Role.CO_ORGANISER)})" in html
    assert f"Humanitas Den Haag ({label(Role.FUNDER)})" in html
    assert f"/partners/{other_partner.slug}" not in html  # unlisted: named, not linked
    data = jsonld_of(html)
    organisers = {o["name"]: o for o in data["organizer"]}
    assert organisers["Stichting Buurtkracht"]["url"].endswith(f"/partners/{partner.slug}")
    assert data["contributor"] == [{"@type": "Organization", "name": "Humanitas Den Haag"}]


def test_the_activitys_own_role_wins_over_the_series(
    client, series, partner, other_partner, central, make_activity
):
    activity = make_activity(title="Tweede debat", series=series)
    services.activity_hosts_set(
        actor=central, activity=activity, hosts=[(other_partner, Role.ORGANISER)]
    )
    html = client.get(activity.get_absolute_url()).content.decode()
    assert html.count("Humanitas Den Haag (") == 1
    assert f"Humanitas Den Haag ({label(Role.ORGANISER)})" in html
    data = jsonld_of(html)
    names = [o["name"] for o in data["organizer"]]
    assert names.count("Humanitas Den Haag") == 1 and "Stichting Buurtkracht" in names
    assert "contributor" not in data


def test_an_unlisted_partner_of_an_activity_is_named_not_linked(
    client, partner, central, make_activity
):
    activity = make_activity()
    services.activity_hosts_set(actor=central, activity=activity, hosts=[(partner, Role.CONTENT)])
    services.partner_update(
        actor=central, partner=partner, data={"is_public": False, "website": "https://bk.example"}
    )
    html = client.get(activity.get_absolute_url()).content.decode()
    assert "Stichting Buurtkracht" in html and f"/partners/{partner.slug}" not in html
    assert client.get(f"/partners/{partner.slug}").status_code == 404  # the page it would link
    assert jsonld_of(html)["contributor"] == [
        {"@type": "Organization", "name": "Stichting Buurtkracht"}
    ]


def test_the_series_page_links_listed_partners_and_has_json_ld(
    client, series, partner, other_partner
):
    html = client.get(series.get_absolute_url()).content.decode()
    assert f'href="/partners/{partner.slug}"' in html
    assert "Humanitas Den Haag" in html and f"/partners/{other_partner.slug}" not in html
    data = jsonld_of(html)
    assert (data["@type"], data["name"], data["description"]) == (
        "EventSeries",
        "Vrijheid in debat",
        "Debatten.",
    )
    assert data["url"].endswith(series.get_absolute_url())
    assert "Stichting Buurtkracht" in [o["name"] for o in data["organizer"]]
    assert data["contributor"] == [{"@type": "Organization", "name": "Humanitas Den Haag"}]


def test_a_series_co_host_sees_its_activities_and_changes_none(
    client, series, contact, partner, central, make_activity
):
    published = make_activity(
        title="Eerste debat", series=series, registration_mode="required", capacity=30
    )
    draft = make_activity(status="draft", title="Nog geheim debat", series=series)
    Registration.objects.create(
        activity=published, status="confirmed", seats=2, name="Nora Ramdin", email="n@example.org"
    )
    services.agreement_add(
        actor=central,
        partner=partner,
        kind=Agreement.Kind.DPA,
        title="Verwerkersovereenkomst",
        starts_on=timezone.localdate(published.starts_at),
    )
    client.force_login(contact)
    home = client.get("/partner/").content.decode()
    assert "Eerste debat" in home and "Vrijheid in debat" in home  # through the series
    assert "Nog geheim debat" not in home  # the library's draft stays the library's
    page = client.get(f"/partner/activiteiten/{published.pk}")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Nora Ramdin" not in html and "Vrijheid in debat" in html  # no names
    assert client.get(f"/partner/activiteiten/{draft.pk}").status_code == 404
    assert client.get(f"/partner/activiteiten/{published.pk}/bewerken").status_code == 404
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=contact).key}")
    listed = api.get("/api/v1/partner/activities").json()
    assert [(a["title"], a["cohosted"]) for a in listed] == [("Eerste debat", False)]
    assert "registered_seats" in listed[0]
    patched = api.patch(f"/api/v1/partner/activities/{draft.pk}", {"title": "X"}, format="json")
    assert patched.status_code == 404
    # Co-hosting the activity itself opens the names (under the agreement).
    services.activity_hosts_set(actor=central, activity=published, hosts=[(partner, Role.CONTENT)])
    assert "Nora Ramdin" in client.get(f"/partner/activiteiten/{published.pk}").content.decode()
