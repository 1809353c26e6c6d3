"""A debate evening in real browsers: the moderator opens the vote before the debate, two
phones (browser contexts) join with the code and vote, the big screen follows without
reloading; after the debate the second round gives the shift and the winner."""

import re

import pytest
from playwright.sync_api import expect

from ontmoet.debates import services

pytestmark = pytest.mark.browser


def vote(phone, code: str, choice: str, assert_accessible=None):
    """Join with the code and vote; with ``assert_accessible``, the join page and the vote
    page (its buttons showing) are checked on the way."""
    phone.goto("/stem")
    if assert_accessible:
        assert_accessible(phone)
    phone.locator("#code").fill(code.lower())
    phone.locator("main form button[type=submit]").click()
    buttons = phone.locator(f'button[name="choice"][value="{choice}"]')
    expect(buttons).to_be_visible()
    if assert_accessible:
        assert_accessible(phone)
    buttons.click()
    expect(phone.locator(".site-messages")).to_contain_text(re.compile("(counted|geteld)"))


def test_a_debate_evening(fresh_page, page, assert_accessible, maker, make_activity):
    activity = make_activity(title="Debat over vrijheid")
    debate = services.debate_save(actor=maker, activity=activity, motion="Vrijheid gaat voor")
    phones = [fresh_page(), fresh_page()]

    page.goto("/staff/login")
    page.locator("#id_username").fill("maker")
    page.locator("#id_password").fill("pw-for-tests")
    page.locator("main form button[type=submit]").click()
    page.goto(f"/staff/activiteiten/{activity.pk}/debat")
    assert_accessible(page)
    screen = fresh_page()
    screen.goto(f"/stem/{debate.join_code}/scherm")
    expect(screen.locator(".debate-screen__code")).to_have_text(debate.join_code)
    assert_accessible(screen)

    page.locator('button[name="action"][value="open-before"]').click()
    vote(phones[0], debate.join_code, "for", assert_accessible)
    assert_accessible(phones[0])  # after voting: the thanks, no buttons
    vote(phones[1], debate.join_code, "against")
    # The big screen updates by itself (it polls the API every 2 s).
    expect(screen.locator('[data-count="before-total"]')).to_have_text("2", timeout=8_000)
    page.locator('button[name="action"][value="close-before"]').click()

    # A question from the hall: asked on a phone, approved by the moderator, on the screen.
    phones[0].locator("#question-text").fill("Waar ligt de grens van vrijheid?")
    phones[0].locator("form.question-form button[type=submit]").click()
    page.reload()
    page.locator('button[name="action"][value="question-approve"]').click()
    expect(screen.locator(".debate-screen__questions")).to_contain_text(
        "Waar ligt de grens van vrijheid?", timeout=8_000
    )
    phones[1].goto(f"/stem/{debate.join_code}/moderatie")
    assert_accessible(phones[1])

    page.locator('button[name="action"][value="open-after"]').click()
    vote(phones[0], debate.join_code, "for")
    vote(phones[1], debate.join_code, "for")
    expect(screen.locator('[data-count="after-for"]')).to_have_text("2", timeout=8_000)
    page.locator('button[name="action"][value="close-after"]').click()
    expect(screen.locator("[data-winner]")).to_contain_text(
        re.compile("(for the motion wins|voorstanders van de stelling winnen)"), timeout=8_000
    )
    page.locator('button[name="action"][value="publish"]').click()
    phones[0].goto(f"/stem/{debate.join_code}")
    expect(phones[0].locator(".debate-winner")).to_contain_text("50")
    assert_accessible(phones[0])
