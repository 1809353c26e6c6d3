"""The audience vote: rounds opened and closed by staff, one vote per key per round, the
totals equal to the ballots under concurrency, the shift and the winner, and no trace of
who voted."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from ontmoet.debates import services
from ontmoet.debates.models import Ballot, Debate, VoteRound
from ontmoet.debates.selectors import debate_result

from .conftest import rounds


def test_a_debate_has_two_rounds_and_its_speakers(debate, reader):
    assert set(rounds(debate)) == {"before", "after"}
    assert debate.speakers_for == ["Anna", "Bram"] and len(debate.join_code) == 5
    with pytest.raises(PermissionDenied):
        services.debate_save(actor=reader, activity=debate.activity, motion="X")


def test_rounds_open_one_at_a_time_and_close_for_good(debate, maker):
    before, after = rounds(debate)["before"], rounds(debate)["after"]
    with pytest.raises(services.VoteRefused):
        services.vote_cast(round_id=before.pk, choice="for", key="device:a")
    before = services.round_open(actor=maker, vote_round=before)
    assert before.salt
    with pytest.raises(ValidationError):
        services.round_open(actor=maker, vote_round=after)  # one open round at a time
    services.vote_cast(round_id=before.pk, choice="for", key="device:a")
    with pytest.raises(services.VoteRefused) as twice:
        services.vote_cast(round_id=before.pk, choice="against", key="device:a")
    assert twice.value.code == "voted"
    services.vote_cast(round_id=before.pk, choice="against", key="ticket:ABC123")
    before = services.round_close(actor=maker, vote_round=before)
    assert before.salt == "" and (before.votes_for, before.votes_against) == (1, 1)
    with pytest.raises(services.VoteRefused) as closed:
        services.vote_cast(round_id=before.pk, choice="for", key="device:b")
    assert closed.value.code == "closed"
    with pytest.raises(ValidationError):
        services.round_open(actor=maker, vote_round=before)  # not again
    with pytest.raises(ValidationError):
        services.vote_cast(round_id=before.pk, choice="maybe", key="device:c")


def test_shift_and_winner(debate, maker):
    before, after = rounds(debate)["before"], rounds(debate)["after"]
    services.round_open(actor=maker, vote_round=before)
    for n, choice in enumerate(["for"] * 3 + ["against"] * 5 + ["undecided"] * 2):
        services.vote_cast(round_id=before.pk, choice=choice, key=f"device:{n}")
    services.round_close(actor=maker, vote_round=before)
    assert debate_result(Debate.objects.get(pk=debate.pk)).winner is None  # one round only
    services.round_open(actor=maker, vote_round=after)
    for n, choice in enumerate(["for"] * 4 + ["against"] * 6):
        services.vote_cast(round_id=after.pk, choice=choice, key=f"device:{n}")
    services.round_close(actor=maker, vote_round=after)
    result = debate_result(Debate.objects.get(pk=debate.pk))
    assert result.before.shares == {"for": 30, "against": 50, "undecided": 20}
    assert result.after.shares == {"for": 40, "against": 60, "undecided": 0}
    assert result.shift == {"for": 10, "against": 10, "undecided": -20}
    assert result.winner == "tie"  # both gained ten points exactly


def test_no_row_links_a_vote_to_a_person(debate, maker):
    """Privacy: the only per-vote row is a ballot digest with no link to anyone, and the
    round's salt (needed to recompute a digest from a ticket) is gone once it closes."""
    fields = {f.name for f in Ballot._meta.get_fields()}
    assert fields == {"id", "round", "digest"}
    relations = {f.name for f in VoteRound._meta.get_fields() if f.concrete and f.is_relation}
    assert relations == {"debate"}  # a round's totals belong to the debate, nothing else
    before = services.round_open(actor=maker, vote_round=rounds(debate)["before"])
    services.vote_cast(round_id=before.pk, choice="for", key="ticket:ABC123")
    digest = Ballot.objects.get().digest
    assert "ABC123" not in digest and services._digest(before.salt, "ticket:ABC123") == digest
    closed = services.round_close(actor=maker, vote_round=before)
    assert closed.salt == ""  # nobody can redo the digest from the ticket now
    assert not any(
        services._digest(salt, "ticket:ABC123") == digest for salt in ("", before.salt[:-1])
    )


@pytest.mark.django_db(transaction=True)
def test_concurrent_votes_are_each_counted_once(make_activity, maker):
    activity = make_activity()
    debate = services.debate_save(actor=maker, activity=activity, motion="Stelling")
    before = services.round_open(actor=maker, vote_round=rounds(debate)["before"])
    # 40 voters, each trying three times, from 16 threads (each with its own connection).
    attempts = [(f"device:{n % 40}", ["for", "against", "undecided"][n % 3]) for n in range(120)]
    accepted, errors = [], []

    def worker(share):
        try:
            for key, choice in share:
                try:
                    services.vote_cast(round_id=before.pk, choice=choice, key=key)
                    accepted.append(choice)
                except services.VoteRefused:
                    pass
                except Exception as error:  # noqa: BLE001 - every other error is a failure
                    errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(attempts[n::16],)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(accepted) == 40  # each voter exactly once
    before.refresh_from_db()
    assert before.total == 40 == Ballot.objects.filter(round=before).count()
    assert before.votes_for == accepted.count("for")
    assert before.votes_against == accepted.count("against")


def test_the_after_vote_follows_the_before_vote(debate, maker, client):
    before, after = rounds(debate)["before"], rounds(debate)["after"]
    with pytest.raises(ValidationError):
        services.round_open(actor=maker, vote_round=after)  # before has not been held
    services.round_open(actor=maker, vote_round=before)
    with pytest.raises(ValidationError):
        services.result_publish(actor=maker, debate=debate)  # still voting
    services.round_close(actor=maker, vote_round=before)
    with pytest.raises(ValidationError):
        services.result_publish(actor=maker, debate=debate)  # after not held yet
    client.force_login(maker)
    url = f"/staff/activiteiten/{debate.activity_id}/debat"
    page = client.post(url, {"action": "publish"}, follow=True).content.decode()
    assert "Sluit beide stemmingen" in page
    assert not Debate.objects.get(pk=debate.pk).result_published
    services.round_open(actor=maker, vote_round=after)
    services.round_close(actor=maker, vote_round=after)
    assert services.result_publish(actor=maker, debate=debate).result_published
    assert not services.result_publish(actor=maker, debate=debate, published=False).result_published


def test_a_round_id_beyond_any_integer_is_refused_not_a_crash(debate):
    for round_id in (2**63, 10**20, 0, -1):
        with pytest.raises(services.VoteRefused):
            services.vote_cast(round_id=round_id, choice="for", key="device:a")
