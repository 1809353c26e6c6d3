"""Room bookings in a real browser: a programme maker books a free hour from the grid."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from ontmoet.bookings.models import Booking, SpacePolicy
from ontmoet.venues.models import OpeningHours

pytestmark = pytest.mark.browser


def test_maker_books_a_free_hour_from_the_planning_grid(
    page, assert_accessible, maker, space, schilderswijk
):
    for weekday in range(7):
        OpeningHours.objects.create(
            branch=schilderswijk, weekday=weekday, opens=datetime.time(9), closes=datetime.time(21)
        )
    SpacePolicy.objects.create(space=space, setup_minutes=15, cleanup_minutes=15)
    day = datetime.date.today() + datetime.timedelta(days=2)

    page.goto("/staff/login")
    page.locator("#id_username").fill("maker")
    page.locator("#id_password").fill("pw-for-tests")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/staff/$"))

    page.get_by_role("link", name=re.compile(r"^(Rooms|Ruimtes)$")).click()
    expect(page).to_have_url(re.compile(rf"/staff/ruimtes/{schilderswijk.slug}/planning"))
    page.goto(f"/staff/ruimtes/{schilderswijk.slug}/planning?dag={day.isoformat()}")
    expect(page.get_by_role("table")).to_be_visible()
    assert_accessible(page)
    _hours_stay_in_view_on_a_tablet(page)

    page.locator(f'a[href*="ruimte={space.pk}"][href*="uur=14"]').click()
    expect(page.locator("#id_start")).to_have_value("14:00")
    assert_accessible(page)
    page.locator("#id_title").fill("Repair Café overleg")
    page.locator("form.booking-form button[type=submit]").click()

    expect(page).to_have_url(re.compile(rf"planning\?dag={day.isoformat()}$"))
    expect(page.get_by_role("table")).to_contain_text("13:45–15:15 Repair Café overleg")
    assert_accessible(page)
    booking = Booking.objects.get()
    assert (booking.space, booking.created_by, booking.status) == (space, maker, "confirmed")

    page.goto(f"/staff/ruimtes/{schilderswijk.slug}/dagblad?dag={day.isoformat()}")
    expect(page.get_by_role("table")).to_contain_text("Repair Café overleg")
    assert_accessible(page)


def _hours_stay_in_view_on_a_tablet(page):
    """On a tablet held upright the grid scrolls sideways in its box; the hour column and
    the spaces' names stay put."""
    size = page.viewport_size
    page.set_viewport_size({"width": 768, "height": 1024})
    page.evaluate(  # big enough to scroll both ways whatever the spaces and hours
        "document.querySelectorAll('.planning-grid th')"
        ".forEach(th => { th.style.minWidth = '30rem'; th.style.height = '10rem'; })"
    )
    region = page.locator(".planning-scroll")
    hour = page.locator(".planning-grid tbody th[scope=row]").first
    before = hour.bounding_box()["x"]
    region.evaluate("box => { box.scrollLeft = 400; box.scrollTop = 200; }")
    assert region.evaluate("box => box.scrollLeft > 0 && box.scrollTop > 0")
    assert abs(hour.bounding_box()["x"] - before) < 1
    header = page.locator(".planning-grid thead th").first
    assert abs(header.bounding_box()["y"] - region.bounding_box()["y"]) < 2
    page.set_viewport_size(size)
    page.reload()
