"""A resident's idea in a real browser, from the form to a draft activity: the resident
sends it, the branch's programme maker reviews it with the checklist and accepts it, and
the resident reads the decision on the idea's private page. And another resident says they
would join an idea open for support (past a honeypot they never see)."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ontmoet.initiatives import services
from ontmoet.initiatives.links import status_token
from ontmoet.initiatives.models import Initiative

pytestmark = pytest.mark.browser


def test_an_idea_becomes_a_draft_activity(
    page, assert_accessible, maker, schilderswijk, taxonomy, space
):
    page.goto("/ideeen/nieuw")
    assert_accessible(page)
    page.locator("#id_title").fill("Repair café in de buurt")
    page.locator("#id_description").fill("Elke maand samen spullen repareren.")
    page.locator("#id_audience").fill("Iedereen uit de wijk")
    page.locator("#id_branch").select_option(str(schilderswijk.pk))
    page.locator("#id_initiator_name").fill("Yusuf")
    page.locator("#id_initiator_email").fill("yusuf@example.org")
    page.locator("#id_show_name").check()
    page.locator("form.idea-form button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile(r"^(Thank you for your idea|Dank je wel voor je idee)$")
    )
    assert_accessible(page)
    idea = Initiative.objects.get()
    status_path = f"/idee/{status_token(idea)}"

    page.goto("/staff/login")
    page.locator("#id_username").fill("maker")
    page.locator("#id_password").fill("pw-for-tests")
    page.locator("main form button[type=submit]").click()
    page.goto("/staff/ideeen")
    assert_accessible(page)
    page.get_by_role("link", name="Repair café in de buurt").click()
    expect(page).to_have_url(re.compile(rf"/staff/ideeen/{idea.pk}$"))
    assert_accessible(page)
    for key in ("non_commercial", "free", "open", "not_partisan", "accessible", "fits"):
        page.locator(f"#id_review-{key}").check()
    page.locator("#id_review-notes").fill("Past bij ontmoeting.")
    page.get_by_role("button", name=re.compile(r"^(Save the review|Beoordeling opslaan)$")).click()
    expect(page.locator("#id_review-fits")).to_be_checked()

    start = timezone.localtime() + datetime.timedelta(days=10)
    page.locator("#id_decide-status").select_option("accepted")
    page.locator("#id_decide-reason").fill("Mooi plan, we doen het samen.")
    page.locator("#id_decide-format").select_option(str(taxonomy["lecture"].pk))
    page.locator("#id_decide-branch").select_option(str(schilderswijk.pk))
    page.locator("#id_decide-space").select_option(str(space.pk))
    page.locator("#id_decide-starts_at").fill(start.strftime("%Y-%m-%dT10:00"))
    page.locator("#id_decide-ends_at").fill(start.strftime("%Y-%m-%dT12:00"))
    page.get_by_role("button", name=re.compile(r"^(Save the decision|Besluit opslaan)$")).click()
    expect(page.locator("#idea-status")).to_have_text(re.compile(r"^(accepted|aangenomen)$"))
    assert_accessible(page)
    idea.refresh_from_db()
    assert idea.activity.status == "draft" and idea.activity.organisers == ["Yusuf"]
    assert idea.activity.bookings.get().status == "tentative"

    page.context.clear_cookies()  # the resident, without an account
    page.goto(status_path)
    expect(page.locator("#idea-status")).to_have_text(re.compile(r"^(accepted|aangenomen)$"))
    expect(page.get_by_text("Mooi plan, we doen het samen.")).to_be_visible()
    assert_accessible(page)


def test_a_resident_says_they_would_join_an_idea(page, assert_accessible, maker, schilderswijk):
    idea = services.initiative_submit(
        data={
            "title": "Schaakclub",
            "description": "Wekelijks schaken voor jong en oud.",
            "audience": "Iedereen",
            "branch": schilderswijk,
            "initiator_name": "Kees",
            "initiator_email": "kees@example.org",
        }
    )
    services.initiative_support_open(actor=maker, initiative=idea, is_open=True)
    page.goto("/ideeen")
    expect(page.get_by_label("Website")).to_be_hidden()  # the honeypot: for bots only
    assert_accessible(page)
    page.get_by_role("button", name=re.compile(r"Schaakclub")).click()
    expect(page.get_by_text(re.compile(r"^(You would join this|Je zou meedoen)"))).to_be_visible()
    assert_accessible(page)
    idea.refresh_from_db()
    assert idea.supporters == 1
