"""The public site in a real browser: programme, filters, activity page, calendar, languages.

Elements are found by role, name attribute or href, and visible texts by patterns that match
both the English source strings and their Dutch translations, so these tests hold whether or
not the Dutch catalogue has been compiled.
"""

import json
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PROGRAMME_LINK = 'header nav a[href="/programma"]'
FILTER_FORM = "form.filter-form"
RESULT_TITLES = ".activity-list .activity-card__title"


@pytest.fixture
def two_themes(make_activity, taxonomy):
    """One activity on justice (the default of make_activity), one on health."""
    justice = make_activity(title="Debat over vrijheid")
    health = make_activity(
        title="Gezond ouder worden",
        summary="Een lezing over bewegen en voeding na je zestigste.",
        format=taxonomy["lecture"],
        themes=[taxonomy["health"]],
    )
    return justice, health


def test_filter_open_and_download_an_activity(page, assert_accessible, two_themes):
    _, health = two_themes

    page.goto("/")
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)

    page.locator(PROGRAMME_LINK).click()
    expect(page).to_have_url(re.compile(r"/programma$"))
    expect(page.locator(RESULT_TITLES)).to_have_count(2)
    assert_accessible(page)

    form = page.locator(FILTER_FORM)
    form.locator("select[name=theme]").select_option("gezondheid")
    form.get_by_role("button", name=re.compile(r"Show activities|Toon activiteiten", re.I)).click()
    expect(page).to_have_url(re.compile(r"/programma\?.*theme=gezondheid"))
    expect(page.locator(RESULT_TITLES)).to_have_text(["Gezond ouder worden"])
    expect(form.locator("select[name=theme]")).to_have_value("gezondheid")
    assert_accessible(page)

    page.locator(RESULT_TITLES).get_by_role("link", name="Gezond ouder worden").click()
    expect(page).to_have_url(re.compile(rf"/activiteit/{health.pk}/{health.slug}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Gezond ouder worden")
    assert_accessible(page)

    scripts = page.locator('script[type="application/ld+json"]')
    expect(scripts).to_have_count(1)
    data = json.loads(scripts.text_content())
    assert data["@type"] == "Event"
    assert data["name"] == "Gezond ouder worden"

    with page.expect_download() as info:
        page.locator(f'a[download][href="/activiteit/{health.pk}.ics"]').click()
    download = info.value
    assert download.suggested_filename == f"{health.slug}.ics"
    ics = download.path().read_text(encoding="utf-8")
    for line in ("BEGIN:VCALENDAR", "BEGIN:VTIMEZONE", "TZID:Europe/Amsterdam"):
        assert line in ics
    assert "SUMMARY:Gezond ouder worden" in ics


def test_english_pages_say_they_are_english(page, assert_accessible, make_activity):
    make_activity()
    page.goto("/en/programma")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Programme")
    assert_accessible(page)


def test_language_switch_leads_to_the_same_page_in_english(page, assert_accessible, make_activity):
    activity = make_activity()
    page.goto(activity.get_absolute_url())
    expect(page.locator("html")).to_have_attribute("lang", "nl")

    page.locator('header nav a[hreflang="en"]').click()
    expect(page).to_have_url(re.compile(rf"/en/activiteit/{activity.pk}/{activity.slug}$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(activity.title)
    assert_accessible(page)


def test_branch_page(page, assert_accessible, make_activity, schilderswijk):
    make_activity(title="Taalcafé")
    page.goto(f"/vestigingen/{schilderswijk.slug}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bibliotheek Schilderswijk")
    expect(page.locator(RESULT_TITLES)).to_have_text(["Taalcafé"])
    assert_accessible(page)


def test_keyboard_skip_link_and_filter(page, assert_accessible, make_activity):
    make_activity()
    page.goto("/programma")

    page.keyboard.press("Tab")
    skip = page.locator('a[href="#main"]')
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box and box["width"] > 1 and box["height"] > 1, "the skip link is not shown on focus"
    assert_accessible(page)  # with the skip link shown

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()

    submit = page.locator(f"{FILTER_FORM} button[type=submit]")
    for _ in range(40):
        page.keyboard.press("Tab")
        if submit.evaluate("el => el === document.activeElement"):
            break
    expect(submit).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/programma\?"))
    expect(page.locator(RESULT_TITLES)).to_have_text(["Debat over vrijheid"])
