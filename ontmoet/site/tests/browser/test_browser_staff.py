"""The back office in a real browser: a programme maker plans and publishes an activity."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ontmoet.programme.models import Activity

pytestmark = pytest.mark.browser


def test_maker_creates_and_publishes_an_activity(
    page, assert_accessible, maker, schilderswijk, transvaal, taxonomy
):
    page.goto("/staff/login")
    assert_accessible(page)
    page.locator("#id_username").fill("maker")
    page.locator("#id_password").fill("pw-for-tests")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/staff/$"))

    page.goto("/staff/activiteiten/nieuw")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)

    branch = page.locator("select[name=branch]")
    offered = branch.locator("option").evaluate_all(
        "options => options.filter(o => o.value).map(o => [o.value, o.textContent.trim()])"
    )
    assert offered == [[str(schilderswijk.pk), "Bibliotheek Schilderswijk"]]
    assert "Transvaal" not in branch.inner_text()

    start = timezone.localtime().replace(second=0, microsecond=0) + datetime.timedelta(days=3)
    start = start.replace(hour=19, minute=30)
    end = start + datetime.timedelta(hours=2)
    page.locator("#id_title").fill("Voorleesmiddag voor peuters")
    page.locator("#id_summary").fill("Samen lezen en zingen, voor kinderen van twee tot vier.")
    page.locator("select[name=format]").select_option(str(taxonomy["lecture"].pk))
    branch.select_option(str(schilderswijk.pk))
    page.locator("#id_starts_at").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.locator("#id_ends_at").fill(end.strftime("%Y-%m-%dT%H:%M"))
    page.locator("form.staff-form button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/staff/activiteiten/\d+$"))
    activity = Activity.objects.get(title="Voorleesmiddag voor peuters")
    assert activity.status == Activity.Status.DRAFT
    assert activity.branch == schilderswijk
    assert activity.created_by == maker
    assert timezone.localtime(activity.starts_at) == start
    expect(page.get_by_role("heading", level=1)).to_have_text("Voorleesmiddag voor peuters")
    assert_accessible(page)

    page.get_by_role("button", name=re.compile(r"^(Publish|Publiceren)$")).click()
    expect(page).to_have_url(re.compile(rf"/staff/activiteiten/{activity.pk}$"))
    public_link = page.locator(f'main a[href="{activity.get_absolute_url()}"]')
    expect(public_link).to_be_visible()
    activity.refresh_from_db()
    assert activity.status == Activity.Status.PUBLISHED
    assert_accessible(page)

    public_link.click()
    expect(page).to_have_url(re.compile(rf"/activiteit/{activity.pk}/{activity.slug}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Voorleesmiddag voor peuters")
    assert_accessible(page)
