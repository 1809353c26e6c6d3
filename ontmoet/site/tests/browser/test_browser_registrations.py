"""Registrations in a real browser: a resident registers and cancels, the waiting list moves
up and the (cached) activity page follows, and staff mark people present at the door.

The resident and staff flows with many texts to check run on the English pages (/en/), where
the English source strings are shown whether or not the Dutch catalogue has them. The
waiting-list test runs on the Dutch default pages and finds elements by id, href or name
attribute, and texts by patterns matching the English source and its Dutch translation.
"""

import re

import pytest
from playwright.sync_api import expect

from ontmoet.registrations.models import Registration, Tally
from ontmoet.registrations.services import Applicant, registration_cancel, registration_create

pytestmark = pytest.mark.browser

TOKEN = r"[A-Za-z0-9_-]{24}"
STATUS = "#registration-status"
AVAILABILITY = "#availability"
REGISTER_SECTION = 'section[aria-labelledby="register-heading"]'
TICKET_QR = 'svg[role="img"]'


def register(activity, name, email, seats=1) -> Registration:
    return registration_create(
        activity_id=activity.pk, applicant=Applicant(name=name, email=email, seats=seats)
    )


def test_resident_registers_sees_the_ticket_and_cancels(page, assert_accessible, make_activity):
    activity = make_activity(title="Taalcafé", registration_mode="required", capacity=2)

    page.goto(f"/en/activiteit/{activity.pk}/{activity.slug}")
    section = page.get_by_role("region", name="Registration")
    expect(section.locator(AVAILABILITY)).to_have_text("2 places left.")
    section.get_by_role("link", name="Register", exact=True).click()

    expect(page).to_have_url(re.compile(rf"/en/activiteit/{activity.pk}/aanmelden$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Register for Taalcafé")
    assert_accessible(page)

    # An empty form: the errors are announced, listed with links to their fields, and the
    # fields say they are invalid.
    submit = page.get_by_role("button", name="Register", exact=True)
    submit.click()
    summary = page.get_by_role("alert")
    expect(summary).to_have_count(1)
    expect(summary).to_have_attribute("id", "error-summary")
    links = summary.get_by_role("link")
    expect(links).to_have_count(2)
    for link, field_id in zip(links.all(), ["id_name", "id_email"], strict=True):
        expect(link).to_have_attribute("href", f"#{field_id}")
        field = page.locator(f"#{field_id}")
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_attribute("aria-describedby", re.compile(rf"\b{field_id}-error\b"))
        expect(page.locator(f"#{field_id}-error")).to_be_visible()
    expect(page.locator('[aria-invalid="true"]')).to_have_count(2)
    assert_accessible(page)
    assert not Registration.objects.exists()

    page.get_by_role("textbox", name="Name", exact=True).fill("Fatima El Amrani")
    page.get_by_role("textbox", name="Email address").fill("Fatima@Example.org")
    page.get_by_role("combobox", name="Number of places").select_option("2")
    page.get_by_role("checkbox", name="an induction loop").check()
    page.get_by_role("radio", name="Dutch").check()
    submit.click()

    expect(page).to_have_url(re.compile(rf"/en/aanmelding/{TOKEN}$"))
    manage_url = page.url
    expect(page.locator(STATUS)).to_contain_text("You are registered, 2 places.")
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED
    assert (registration.name, registration.email) == ("Fatima El Amrani", "fatima@example.org")
    assert (registration.seats, registration.needs) == (2, ["induction_loop"])
    assert registration.language == "nl"
    ticket = page.get_by_role("region", name="Your ticket")
    expect(ticket).to_contain_text(registration.ticket_code)
    expect(ticket.get_by_role("img", name="QR code of your ticket")).to_have_count(1)
    expect(page.locator(AVAILABILITY)).to_have_text("Full.")
    assert_accessible(page)

    # The link from the mail, opened again later.
    page.goto(manage_url)
    expect(page.locator(STATUS)).to_contain_text("You are registered, 2 places.")
    page.get_by_role("link", name="Cancel my registration").click()

    expect(page).to_have_url(re.compile(rf"/en/aanmelding/{TOKEN}/annuleren$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Cancel your registration?")
    assert_accessible(page)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED, "a GET changed nothing"

    page.get_by_role("button", name="Yes, cancel").click()
    expect(page).to_have_url(manage_url)
    expect(page.locator(".site-messages")).to_contain_text("Your registration is cancelled.")
    expect(page.locator(STATUS)).to_contain_text("This registration is cancelled.")
    expect(page.get_by_role("region", name="Your ticket")).to_have_count(0)
    expect(page.get_by_role("link", name="Cancel my registration")).to_have_count(0)
    expect(page.locator(AVAILABILITY)).to_have_text("2 places left.")
    assert_accessible(page)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert registration.ending == Registration.Ending.BY_REGISTRANT


def test_waiting_list_moves_up_and_the_activity_page_follows(context, page, make_activity):
    activity = make_activity(title="Taalcafé", registration_mode="required", capacity=1)
    anna = register(activity, "Anna de Vries", "anna@example.org")
    assert anna.status == Registration.Status.CONFIRMED
    activity_url = f"/activiteit/{activity.pk}/{activity.slug}"
    register_url = f"/activiteit/{activity.pk}/aanmelden"
    full = re.compile(r"^(Full|Vol)\b")
    waiting = re.compile(r"waiting list|wachtlijst", re.I)

    # A visitor without a session: the activity page comes from the public page cache.
    page.goto(activity_url)
    section = page.locator(REGISTER_SECTION)
    expect(section.locator(AVAILABILITY)).to_have_text(full)
    expect(section.locator(AVAILABILITY)).not_to_have_text(waiting)
    section.locator(f'a[href="{register_url}"]').click()

    expect(page).to_have_url(re.compile(rf"{register_url}$"))
    page.locator("input[name=name]").fill("Bram Jansen")
    page.locator("input[name=email]").fill("bram@example.org")
    page.locator("main form.utrecht-form button[type=submit]").click()

    expect(page).to_have_url(re.compile(rf"/aanmelding/{TOKEN}$"))
    bram_url = page.url
    expect(page.locator(f"{STATUS} strong")).to_have_text(
        re.compile(r"(waiting list|wachtlijst)\D*\b1\b", re.I)
    )
    expect(page.locator(TICKET_QR)).to_have_count(0)
    bram = Registration.objects.get(email="bram@example.org")
    assert bram.status == Registration.Status.WAITLISTED

    page.goto(activity_url)
    section = page.locator(REGISTER_SECTION)
    expect(section.locator(AVAILABILITY)).to_have_text(full)
    expect(section.locator(AVAILABILITY)).to_have_text(
        re.compile(r"\b1\b.*(waiting list|wachtlijst)")
    )

    # Proof that this visitor is served from the cache: a change of the counters that does
    # not raise the tally's version is not seen. (Restored at once: the services keep the
    # tally in step with the registrations.)
    assert not [c for c in context.cookies() if c["name"] == "sessionid"]
    Tally.objects.filter(pk=activity.pk).update(waitlisted_entries=7)
    page.reload()
    expect(page.locator(f"{REGISTER_SECTION} {AVAILABILITY}")).to_have_text(re.compile(r"\b1\b"))
    Tally.objects.filter(pk=activity.pk).update(waitlisted_entries=1)

    registration_cancel(registration=anna)

    page.goto(bram_url)
    expect(page.locator(f"{STATUS} strong")).not_to_have_text(waiting)
    expect(page.locator(f"{STATUS} strong")).to_have_text(re.compile(r"registered|aangemeld", re.I))
    expect(page.locator(TICKET_QR)).to_have_count(1)
    bram.refresh_from_db()
    assert bram.status == Registration.Status.CONFIRMED

    page.goto(activity_url)
    section = page.locator(REGISTER_SECTION)
    expect(section.locator(AVAILABILITY)).to_have_text(full)
    expect(section.locator(AVAILABILITY)).not_to_have_text(waiting)
    expect(section.locator(AVAILABILITY)).not_to_have_text(re.compile(r"\d"))


def test_staff_find_people_at_the_door_and_mark_them_present(
    page, assert_accessible, central, make_activity
):
    activity = make_activity(title="Taalcafé", registration_mode="required", capacity=3)
    fatima = register(activity, "Fatima El Amrani", "fatima@example.org", seats=2)
    jan = register(activity, "Jan Bakker", "jan@example.org")
    piet = register(activity, "Piet Smit", "piet@example.org", seats=2)
    assert [r.status for r in (fatima, jan, piet)] == ["confirmed", "confirmed", "waitlisted"]

    page.goto("/en/staff/login")
    page.locator("#id_username").fill("centraal")
    page.locator("#id_password").fill("pw-for-tests")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/staff/$"))

    page.goto(f"/en/staff/activiteiten/{activity.pk}/aanmeldingen")
    expect(page.get_by_role("heading", level=1)).to_have_text("Registrations")
    main = page.locator("main")
    expect(main.get_by_role("heading", name="Confirmed (2)")).to_be_visible()
    expect(main.get_by_role("heading", name="Waiting list (1)")).to_be_visible()
    expect(main.get_by_role("cell", name="Piet Smit")).to_be_visible()
    assert_accessible(page)

    main.get_by_role("link", name="Door list").click()
    expect(page).to_have_url(re.compile(rf"/en/staff/activiteiten/{activity.pk}/deurlijst$"))
    counts = page.locator("#door-counts")
    expect(counts).to_have_text("Present: 0 registered places, 0 walk-ins.")
    people = page.locator("ul.door-list > li")
    expect(people).to_have_count(2)  # the waiting list is not at the door
    expect(people.filter(has_text="Piet Smit")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("searchbox", name="Name or ticket code").fill("fatima")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/deurlijst\?q=fatima$"))
    expect(people).to_have_count(1)
    page.get_by_role("button", name="Fatima El Amrani (2) are present").click()

    expect(page).to_have_url(re.compile(r"/deurlijst\?q=fatima$"))
    expect(page.locator(".site-messages")).to_contain_text("Fatima El Amrani is present.")
    expect(counts).to_have_text("Present: 2 registered places, 0 walk-ins.")
    expect(people).to_have_count(1)
    expect(people.get_by_role("button", name="Undo Fatima El Amrani")).to_be_visible()
    assert_accessible(page)
    fatima.refresh_from_db()
    jan.refresh_from_db()
    assert fatima.checked_in_at is not None
    assert jan.checked_in_at is None

    page.get_by_role("button", name="+1 walk-in").click()
    expect(counts).to_have_text("Present: 2 registered places, 1 walk-ins.")
    assert Tally.objects.get(pk=activity.pk).walk_ins == 1

    # The QR code on a ticket opens the door list on that ticket.
    page.goto(f"/en/staff/activiteiten/{activity.pk}/deurlijst?ticket={jan.ticket_code}")
    expect(people).to_have_count(1)
    expect(page.get_by_role("button", name="Jan Bakker (1) is present")).to_be_visible()
