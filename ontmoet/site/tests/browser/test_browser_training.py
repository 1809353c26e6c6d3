"""A practice tournament in a real browser: the coach pairs the first round, the
adjudicator fills in the ballot through its private link, the standings follow."""

import re

import pytest
from playwright.sync_api import expect

from ontmoet.training.ballots import ballot_token
from ontmoet.training.models import Club, Pairing
from ontmoet.training.tests.test_services import make_tournament

pytestmark = pytest.mark.browser


def test_pair_judge_and_stand(page, assert_accessible, maker, schilderswijk):
    club = Club.objects.create(branch=schilderswijk, name="Debatclub Schilderswijk")
    tournament = make_tournament(club, maker, teams=2)

    page.goto("/staff/login")
    page.locator("#id_username").fill("maker")
    page.locator("#id_password").fill("pw-for-tests")
    page.locator("main form button[type=submit]").click()
    page.goto(f"/staff/debattraining/toernooi/{tournament.pk}")
    assert_accessible(page)
    page.locator('button[name="action"][value="pair"]').click()
    expect(page.get_by_role("heading", name=re.compile("^(Round|Ronde) 1"))).to_be_visible()
    pairing = Pairing.objects.get()

    page.context.clear_cookies()  # the adjudicator has no account, only the link
    page.goto(f"/jurering/{ballot_token(pairing)}")
    assert_accessible(page)
    page.locator("#winner-opposition").check()
    for score in page.locator('input[type="number"]').all():
        score.fill("71")
    page.locator("#adjudicator").fill("Jury")
    page.locator("form.ballot-form button[type=submit]").click()
    expect(page.locator("#ballot-done")).to_be_visible()
    assert_accessible(page)
    pairing.refresh_from_db()
    assert pairing.winner == "opposition" and pairing.scores.count() == 4
