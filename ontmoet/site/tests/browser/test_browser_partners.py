"""Partners in a real browser: an activity of a co-hosted series names the series' co-hosts
(linking only those with a public page), and a partner's contact logs in, makes an API key
— shown once — that the API takes, and revokes it. axe checks every page."""

import re

import pytest
from playwright.sync_api import expect

from ontmoet.partners import services
from ontmoet.partners.models import Partner, Role
from ontmoet.partners.tests.conftest import contact_of
from ontmoet.programme.models import Series

pytestmark = pytest.mark.browser


def test_an_activity_names_the_co_hosts_of_its_series(
    page, assert_accessible, central, make_activity
):
    listed = services.partner_create(
        actor=central, data={"name": "Stichting Buurtkracht", "kind": Partner.Kind.NEIGHBOURHOOD}
    )
    unlisted = services.partner_create(
        actor=central,
        data={"name": "Humanitas Den Haag", "kind": Partner.Kind.SOCIAL, "is_public": False},
    )
    series = Series.objects.create(title="Vrijheid in debat", slug="vrijheid")
    services.series_hosts_set(
        actor=central, series=series, hosts=[(listed, Role.CO_ORGANISER), (unlisted, Role.FUNDER)]
    )
    activity = make_activity(title="Eerste debat", series=series)
    page.goto(activity.get_absolute_url())
    expect(page.get_by_role("link", name="Stichting Buurtkracht")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Humanitas Den Haag \("))).to_be_visible()
    expect(page.get_by_role("link", name="Humanitas Den Haag")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("link", name="Vrijheid in debat").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vrijheid in debat")
    expect(page.get_by_role("link", name="Stichting Buurtkracht")).to_be_visible()
    assert_accessible(page)


def test_a_contact_makes_and_revokes_an_api_key(page, assert_accessible, central):
    partner = services.partner_create(
        actor=central, data={"name": "Stichting Buurtkracht", "kind": Partner.Kind.NEIGHBOURHOOD}
    )
    contact = contact_of(partner, central)
    page.goto("/partner/inloggen")
    page.locator("#id_username").fill(contact.username)
    page.locator("#id_password").fill("een-lang-wachtwoord-42")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/partner/$"))
    page.get_by_role("link", name=re.compile(r"^(API key|API-sleutel)$")).click()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile(r"^(Make an API key|Maak een API-sleutel)$")).click()
    key = page.locator("#api-key").inner_text()
    assert re.fullmatch(r"[0-9a-f]{40}", key)
    assert_accessible(page)
    api = page.request.get("/api/v1/partner/activities", headers={"Authorization": f"Token {key}"})
    assert api.status == 200
    page.goto("/partner/api-sleutel")
    expect(page.locator("#api-key")).to_have_count(0)  # shown once
    page.get_by_role("button", name=re.compile(r"^(Revoke the key|Trek de sleutel in)$")).click()
    expect(
        page.get_by_text(re.compile(r"^(You have no API key|Je hebt geen API-sleutel)"))
    ).to_be_visible()
    assert_accessible(page)
    gone = page.request.get("/api/v1/partner/activities", headers={"Authorization": f"Token {key}"})
    assert gone.status in (401, 403)
