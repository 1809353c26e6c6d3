"""The hall's pages and the API: joining with the code, voting from a phone once per
device (or ticket), the big screen, the moderator's page by role, the results and votes
endpoints."""

import pytest
from rest_framework.test import APIClient

from conftest import make_user
from ontmoet.debates import services
from ontmoet.debates.api.views import ResultSerializer, RoundOutSerializer
from ontmoet.debates.models import Ballot
from ontmoet.registrations.models import Registration

from .conftest import rounds


def test_join_with_the_code(client, debate):
    assert client.get("/stem").status_code == 200
    found = client.get(f"/stem?code={debate.join_code.lower()}")
    assert found.status_code == 302 and found["Location"].endswith(f"/stem/{debate.join_code}")
    assert client.get("/stem?code=ZZZZZ").status_code == 200  # with a message
    assert client.get("/stem/ZZZZZ").status_code == 404
    assert client.get("/stem/%3Cscript%3E").status_code == 404


def test_vote_from_a_phone_once_per_device(client, debate, maker):
    page = client.get(f"/stem/{debate.join_code}").content.decode()
    assert "Stemmen kan nu niet" in page
    before = services.round_open(actor=maker, vote_round=rounds(debate)["before"])
    page = client.get(f"/stem/{debate.join_code}").content.decode()
    assert 'value="for"' in page and "anoniem" in page
    client.post(f"/stem/{debate.join_code}", {"round": before.pk, "choice": "for"})
    client.post(f"/stem/{debate.join_code}", {"round": before.pk, "choice": "against"})
    before.refresh_from_db()
    assert (before.votes_for, before.votes_against) == (1, 0)
    page = client.get(f"/stem/{debate.join_code}").content.decode()
    assert 'value="for"' not in page  # already voted: no buttons
    other = type(client)()  # another phone
    other.post(f"/stem/{debate.join_code}", {"round": before.pk, "choice": "against"})
    other.post(f"/stem/{debate.join_code}", {"round": "x", "choice": "bogus"})
    before.refresh_from_db()
    assert before.total == 2 == Ballot.objects.count()


def test_a_ticket_votes_once_whatever_the_device(client, debate, maker):
    registration = Registration.objects.create(
        activity=debate.activity, status="confirmed", seats=1, name="N", email="n@example.org"
    )
    before = services.round_open(actor=maker, vote_round=rounds(debate)["before"])
    url = f"/stem/{debate.join_code}?ticket={registration.ticket_code}"
    for phone in (client, type(client)()):
        phone.get(url)
        phone.post(url, {"round": before.pk, "choice": "for", "ticket": registration.ticket_code})
    before.refresh_from_db()
    assert before.votes_for == 1


def test_big_screen_and_result_api(client, debate, maker):
    before = services.round_open(actor=maker, vote_round=rounds(debate)["before"])
    services.vote_cast(round_id=before.pk, choice="for", key="device:one")
    screen = client.get(f"/stem/{debate.join_code}/scherm").content.decode()
    assert (
        debate.join_code in screen and "<svg" in screen and 'data-count="before-for">1<' in screen
    )
    body = APIClient().get(f"/api/v1/debates/{debate.activity_id}/results").json()
    assert body["rounds"]["before"]["counts"] == {"for": 1, "against": 0, "undecided": 0}
    assert body["rounds"]["before"]["open"] and body["winner"] is None
    # The body is written by hand; the schema's serializers must still describe it.
    assert set(body) == set(ResultSerializer().fields)
    assert set(body["rounds"]["after"]) == set(RoundOutSerializer().fields)
    assert body["rounds"]["after"] == {
        "open": False,
        "closed": False,
        "total": 0,
        "counts": {"for": 0, "against": 0, "undecided": 0},
        "shares": {"for": 0, "against": 0, "undecided": 0},
    }
    english = APIClient().get(f"/api/v1/debates/{debate.activity_id}/results?language=en")
    assert english.json()["state_label"] == "Voting is open: before the debate"


def test_vote_api(debate, maker, make_activity):
    url = f"/api/v1/debates/{debate.activity_id}/votes"
    code = debate.join_code.lower()  # any case
    vote = {"round": "before", "choice": "against", "token": "phone-123456", "code": code}
    closed = APIClient().post(url, vote, format="json")
    assert closed.status_code == 409 and closed.json()["code"] == "closed"
    services.round_open(actor=maker, vote_round=rounds(debate)["before"])
    assert APIClient().post(url, vote, format="json").status_code == 201
    again = APIClient().post(url, vote, format="json")
    assert again.status_code == 409 and again.json()["code"] == "voted"
    for bad in ({**vote, "choice": "ja"}, {**vote, "token": "<script>"}, {**vote, "round": 7}):
        assert APIClient().post(url, bad, format="json").status_code == 400
    draft = make_activity(status="draft")
    services.debate_save(actor=maker, activity=draft, motion="Geheim")
    assert (
        APIClient().post(f"/api/v1/debates/{draft.pk}/votes", vote, format="json").status_code
        == 404
    )
    assert APIClient().get(f"/api/v1/debates/{draft.pk}/results").status_code == 404


@pytest.mark.parametrize(
    ("who", "get", "post"),
    [("maker", 200, 302), ("other_maker", 404, 404), ("reader", 200, 404), ("anonymous", 302, 302)],
)
def test_moderator_page_by_role(client, debate, who, get, post, request, transvaal):
    users = {
        "maker": lambda: request.getfixturevalue("maker"),
        "reader": lambda: request.getfixturevalue("reader"),
        "other_maker": lambda: make_user("ander", role="programme_maker", branches=[transvaal]),
    }
    if who in users:
        client.force_login(users[who]())
    url = f"/staff/activiteiten/{debate.activity_id}/debat"
    assert client.get(url).status_code == get
    assert client.post(url, {"action": "open-before"}).status_code == post
    rounds_now = rounds(debate)
    assert rounds_now["before"].is_open == (who == "maker")


def test_ids_beyond_any_integer_are_404(db):
    huge = 2**64
    assert APIClient().get(f"/api/v1/debates/{huge}/results").status_code == 404
    vote = {"round": "before", "choice": "for", "token": "phone-123456", "code": "ABCDE"}
    assert APIClient().post(f"/api/v1/debates/{huge}/votes", vote, format="json").status_code == 404


def test_the_activity_and_series_pages_show_the_motion_and_result(client, debate, maker):
    page = client.get(debate.activity.get_absolute_url()).content.decode()
    assert "Vrijheid van meningsuiting mag geen grenzen kennen" in page
    assert "Anna, Bram" in page
    r = rounds(debate)
    for kind, choices in (("before", ["against", "against", "for"]), ("after", ["for"] * 2)):
        services.round_open(actor=maker, vote_round=r[kind])
        for n, choice in enumerate(choices):
            services.vote_cast(round_id=r[kind].pk, choice=choice, key=f"device:{n}")
        services.round_close(actor=maker, vote_round=r[kind])
    assert "debate-winner" not in client.get(debate.activity.get_absolute_url()).content.decode()
    services.result_publish(actor=maker, debate=debate)
    page = client.get(debate.activity.get_absolute_url()).content.decode()
    assert "debate-winner" in page and "67" in page  # for: 33% before, 100% after


def test_a_series_lists_its_motions_with_results(client, debate, maker):
    from ontmoet.programme.models import Series
    from ontmoet.programme.services import activity_update

    series = Series.objects.create(title="Vrijheid in debat", slug="vrijheid-in-debat")
    activity_update(actor=maker, activity=debate.activity, data={"series": series})
    r = rounds(debate)
    for kind, choice in (("before", "against"), ("after", "for")):
        services.round_open(actor=maker, vote_round=r[kind])
        services.vote_cast(round_id=r[kind].pk, choice=choice, key="device:1")
        services.round_close(actor=maker, vote_round=r[kind])
    services.result_publish(actor=maker, debate=debate)
    page = client.get("/reeks/vrijheid-in-debat").content.decode()
    assert "Vrijheid van meningsuiting mag geen grenzen kennen" in page
    assert "+100" in page  # "for" went from 0% to 100%


def test_the_screen_names_one_address_in_the_screens_language(client, debate, settings):
    settings.SITE_URL = "https://ontmoet.example"
    dutch = client.get(f"/stem/{debate.join_code}/scherm").content.decode()
    assert f"https://ontmoet.example/stem/{debate.join_code}" in dutch
    assert "<strong>ontmoet.example/stem</strong>" in dutch
    english = client.get(f"/en/stem/{debate.join_code}/scherm").content.decode()
    assert "<strong>ontmoet.example/en/stem</strong>" in english


def test_a_ticket_in_the_link_is_echoed_as_letters_and_digits_only(client, debate):
    page = client.get(f"/stem/{debate.join_code}?ticket=%00ab%3Cc-d%00").content.decode()
    assert "\x00" not in page and 'value="ABCD"' in page


def test_after_the_last_round_the_vote_page_says_voting_is_over(client, debate, maker):
    for kind in ("before", "after"):
        page = client.get(f"/en/stem/{debate.join_code}").content.decode()
        assert "Check again" in page and "is over" not in page
        vote_round = services.round_open(actor=maker, vote_round=rounds(debate)[kind])
        services.round_close(actor=maker, vote_round=vote_round)
    page = client.get(f"/en/stem/{debate.join_code}").content.decode()
    assert "Voting on this debate is over" in page and "Check again" not in page
