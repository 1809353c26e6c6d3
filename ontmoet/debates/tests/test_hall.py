"""What keeps the vote to the hall: a page votes only in its own debate's open round, only
published debates can be joined, the API needs the join code, guessing codes and flooding
votes answer 429, a ticket code typed on the page votes once per ticket, and the voter's
cookie is kept from scripts and plain HTTP."""

import pytest
from django.test import Client
from rest_framework.test import APIClient

from ontmoet.debates import services
from ontmoet.debates.models import Ballot, VoteRound
from ontmoet.registrations.models import Registration

from .conftest import rounds


def _limit(settings, scope: str, count: int) -> None:
    # The window stays as configured: it is part of the counter's bucket.
    window = settings.RATE_LIMITS[scope][1]
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, scope: (count, window)}


def test_the_page_votes_only_in_its_own_open_round(client, debate, maker, make_activity):
    draft = make_activity(status="draft", title="Besloten")
    other = services.debate_save(actor=maker, activity=draft, motion="Geheim")
    theirs = services.round_open(actor=maker, vote_round=rounds(other)["before"])
    url = f"/stem/{debate.join_code}"
    # No round of ours is open: nothing to vote in, whatever the form says.
    for bad in (theirs.pk, "99999999999999999999", "²", "-1", "", "x"):
        answer = client.post(url, {"round": bad, "choice": "for"}, follow=True)
        assert answer.status_code == 200 and "niet meer open" in answer.content.decode()
    ours = services.round_open(actor=maker, vote_round=rounds(debate)["before"])
    for bad in (theirs.pk, "99999999999999999999", "²", ""):
        answer = client.post(url, {"round": bad, "choice": "for"}, follow=True)
        assert answer.status_code == 200 and "niet meer open" in answer.content.decode()
    assert VoteRound.objects.get(pk=theirs.pk).total == 0 == Ballot.objects.count()
    client.post(url, {"round": ours.pk, "choice": "for"})
    assert VoteRound.objects.get(pk=ours.pk).votes_for == 1
    assert VoteRound.objects.get(pk=theirs.pk).total == 0


@pytest.mark.parametrize("status", ["draft", "cancelled"])
def test_only_a_published_debate_can_be_joined(client, maker, make_activity, status):
    debate = services.debate_save(
        actor=maker, activity=make_activity(status=status), motion="Niet openbaar"
    )
    code = debate.join_code
    for url in (f"/stem/{code}", f"/stem/{code}/scherm", f"/stem/{code}/moderatie"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/stem/{code}/vragen", {"text": "Mag dit?"}).status_code == 404
    assert client.post(f"/stem/{code}", {"choice": "for"}).status_code == 404
    joined = client.get(f"/stem?code={code}")
    assert joined.status_code == 200 and "Geen debat heeft deze code" in joined.content.decode()
    assert not debate.questions.exists()


def test_guessing_join_codes_is_limited(client, debate, settings):
    _limit(settings, "debate-code-address", 3)
    for _ in range(5):  # the right code never counts: a hall joins freely
        assert client.get(f"/stem?code={debate.join_code}").status_code == 302
    for guess in ("AAAAA", "BBBBB"):
        assert client.get(f"/stem?code={guess}").status_code == 200
    assert client.get("/stem/CCCCC").status_code == 404
    assert client.get("/stem?code=DDDDD").status_code == 429
    # From now on a hit looks like a miss, or a 429 would give the code away.
    assert client.get(f"/stem?code={debate.join_code}").status_code == 429
    assert client.get(f"/stem/{debate.join_code}").status_code == 429
    assert client.get(f"/stem/{debate.join_code}/scherm").status_code == 429
    elsewhere = Client(REMOTE_ADDR="192.0.2.7")
    assert elsewhere.get(f"/stem/{debate.join_code}").status_code == 200


def _api_vote(debate, **body):
    vote = {"round": "before", "choice": "for", "token": "phone-123456", **body}
    return APIClient().post(f"/api/v1/debates/{debate.activity_id}/votes", vote, format="json")


def test_the_api_vote_needs_the_join_code(debate, maker, make_activity):
    before = services.round_open(actor=maker, vote_round=rounds(debate)["before"])
    missing = _api_vote(debate)
    assert missing.status_code == 400
    assert [p["name"] for p in missing.json()["invalid_params"]] == ["code"]
    other = services.debate_save(actor=maker, activity=make_activity(), motion="Ander debat")
    for wrong in ("ZZZZZ", other.join_code, " ", "\x00"):
        refused = _api_vote(debate, code=wrong)
        assert refused.status_code in (400, 403), wrong
        assert refused["Content-Type"] == "application/problem+json"
    refused = _api_vote(debate, code="ZZZZZ")
    assert refused.status_code == 403 and "code" in refused.json()["title"]
    before.refresh_from_db()
    assert before.total == 0
    assert _api_vote(debate, code=f" {debate.join_code.lower()} ").status_code == 201


def test_guessing_codes_over_the_api_is_limited(debate, maker, settings):
    _limit(settings, "debate-code-address", 2)
    services.round_open(actor=maker, vote_round=rounds(debate)["before"])
    assert _api_vote(debate, code="AAAAA", token="phone-1111111").status_code == 403
    assert _api_vote(debate, code="BBBBB", token="phone-2222222").status_code == 403
    assert _api_vote(debate, code="CCCCC", token="phone-3333333").status_code == 429
    blocked = _api_vote(debate, code=debate.join_code, token="phone-4444444")
    assert blocked.status_code == 429 and blocked["Retry-After"]


def test_one_phone_cannot_flood_the_vote(client, debate, maker, settings):
    _limit(settings, "vote-device", 2)
    before = services.round_open(actor=maker, vote_round=rounds(debate)["before"])
    url, vote = f"/stem/{debate.join_code}", {"round": before.pk, "choice": "for"}
    client.get(url)  # the phone's cookie
    assert client.post(url, vote).status_code == 302
    assert client.post(url, vote).status_code == 302  # "you voted already"
    assert client.post(url, vote).status_code == 429
    another = Client()
    another.get(url)
    assert another.post(url, {**vote, "choice": "against"}).status_code == 302
    before.refresh_from_db()
    assert (before.votes_for, before.votes_against) == (1, 1)
    assert _api_vote(debate, code=debate.join_code).status_code == 201
    assert _api_vote(debate, code=debate.join_code).status_code == 409
    assert _api_vote(debate, code=debate.join_code).status_code == 429
    assert _api_vote(debate, code=debate.join_code, token="another-phone").status_code == 201


def test_one_address_has_a_limit_too(debate, maker, settings):
    _limit(settings, "vote-address", 3)
    before = services.round_open(actor=maker, vote_round=rounds(debate)["before"])
    url, vote = f"/stem/{debate.join_code}", {"round": before.pk, "choice": "for"}
    answers = []
    for _ in range(4):
        phone = Client()
        phone.get(url)
        answers.append(phone.post(url, vote).status_code)
    assert answers == [302, 302, 302, 429]
    assert _api_vote(debate, code=debate.join_code).status_code == 429
    before.refresh_from_db()
    assert before.total == 3


def test_questions_and_upvotes_are_limited(client, debate, maker, settings):
    from ontmoet.debates import questions

    _limit(settings, "question-address", 2)
    _limit(settings, "vote-address", 2)
    ask = f"/stem/{debate.join_code}/vragen"
    assert [client.post(ask, {"text": f"Vraag {n}"}).status_code for n in range(3)] == [
        302,
        302,
        429,
    ]
    api = f"/api/v1/debates/{debate.activity_id}/questions"
    more = {"text": "Nog een", "code": debate.join_code}
    assert APIClient().post(api, more, format="json").status_code == 429
    question = debate.questions.first()
    questions.question_moderate(actor=maker, question=question, action="approve")
    upvote = f"/stem/{debate.join_code}/vragen/{question.pk}/steun"
    assert [Client().post(upvote).status_code for _ in range(3)] == [302, 302, 429]
    token = {"token": "phone-123456", "code": debate.join_code}
    assert APIClient().post(f"{api}/{question.pk}/upvotes", token).status_code == 429
    question.refresh_from_db()
    assert question.upvotes == 2


def test_a_ticket_code_typed_on_the_page_votes_once_per_ticket(client, debate, maker):
    registration = Registration.objects.create(
        activity=debate.activity, status="confirmed", seats=1, name="N", email="n@example.org"
    )
    ticket, code = registration.ticket_code, debate.join_code
    joined = client.get(f"/stem?code={code.lower()}&ticket={ticket.lower()}")
    assert joined["Location"].endswith(f"/stem/{code}?ticket={ticket}")
    before = services.round_open(actor=maker, vote_round=rounds(debate)["before"])
    page = client.get(f"/stem/{code}").content.decode()
    assert 'name="ticket"' in page and "Ticketcode (niet verplicht)" in page
    typed = f"{ticket[:4].lower()}-{ticket[4:].lower()}"  # as people type it
    for phone in (client, Client()):
        phone.post(f"/stem/{code}", {"round": before.pk, "choice": "for", "ticket": typed})
    before.refresh_from_db()
    assert before.votes_for == 1  # one ticket, two phones: one vote
    page = client.get(f"/stem/{code}?ticket={ticket}").content.decode()
    assert "Je hebt in deze ronde gestemd" in page
    unknown = Client().post(
        f"/stem/{code}", {"round": before.pk, "choice": "against", "ticket": "ZZZZ-ZZZZ"}
    )
    assert unknown["Location"].endswith("?ticket=ZZZZZZZZ")  # back, with what was typed
    page = Client().get(unknown["Location"]).content.decode()
    assert "We kennen deze ticketcode niet" in page
    # Said once, by the page (not also as a message from the vote that was refused).
    said = client.post(
        f"/stem/{code}",
        {"round": before.pk, "choice": "against", "ticket": "ZZZZ-ZZZZ"},
        follow=True,
    ).content.decode()
    assert said.count("We kennen deze ticketcode niet") == 1
    # An emptied field votes without the ticket, even from the ticket's link.
    third = Client()
    third.post(
        f"/stem/{code}?ticket={ticket}", {"round": before.pk, "choice": "against", "ticket": ""}
    )
    before.refresh_from_db()
    assert (before.votes_for, before.votes_against) == (1, 1)


def test_the_voter_cookie_is_kept_from_scripts_and_plain_http(debate):
    url = f"/stem/{debate.join_code}"
    cookie = Client().get(url).cookies["ontmoet_voter"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and not cookie["secure"]
    assert Client().get(url, secure=True).cookies["ontmoet_voter"]["secure"]
