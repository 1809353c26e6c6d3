"""The verdict: reached on the shares shown (whole percentages, rounded half up), so the
winner always matches the table; said correctly when a side lost ground, when nothing
changed, and for a tie — the same on the pages, the big screen and the API."""

import pytest
from django.utils import translation
from rest_framework.test import APIClient

from ontmoet.debates import services
from ontmoet.debates.selectors import DebateResult, RoundResult
from ontmoet.debates.verdict import signed, verdict, verdict_short

from .conftest import rounds


def result(before: tuple[int, int, int], after: tuple[int, int, int]) -> DebateResult:
    def one(kind, counts):
        sides = ("for", "against", "undecided")
        return RoundResult(kind, False, True, dict(zip(sides, counts, strict=True)))

    return DebateResult(before=one("before", before), after=one("after", after))


def test_shares_round_half_up():
    assert result((1, 7, 0), (1, 1, 0)).before.shares == {"for": 13, "against": 88, "undecided": 0}


@pytest.mark.parametrize(
    ("before", "after", "shift", "winner"),
    [
        # Exact gains 4.27 and 5.07 points, both shown as +5: a tie on what anyone can see.
        ((1, 1, 1), (376, 384, 240), {"for": 5, "against": 5}, "tie"),
        # Exact gains 10.2 (for) and 10.8 (against), shown as +11 and +10: for wins.
        ((304, 296, 400), (406, 404, 190), {"for": 11, "against": 10}, "for"),
        # Both lose ground to the undecided; the side that lost least wins.
        ((2, 2, 1), (3, 2, 5), {"for": -10, "against": -20}, "for"),
        ((1, 1, 0), (5, 4, 1), {"for": 0, "against": -10}, "for"),
        ((2, 2, 1), (1, 1, 3), {"for": -20, "against": -20}, "tie"),
    ],
)
def test_the_winner_follows_the_numbers_shown(before, after, shift, winner):
    outcome = result(before, after)
    assert {side: outcome.shift[side] for side in shift} == shift
    assert outcome.winner == winner


def test_the_words_for_every_sign():
    with translation.override("en"):
        assert signed(5) == "+5" and signed(-3) == "\u22123" and signed(0) == "0"
        lost_least = verdict(result((2, 2, 1), (3, 2, 5)))
        assert lost_least == (
            "The side for the motion wins. "
            "Change in percentage points: for \u221210, against \u221220."
        )
        assert "gained" not in lost_least and "+-" not in lost_least
        assert verdict(result((1, 1, 0), (5, 4, 1))).endswith("for 0, against \u221210.")
        assert verdict(result((2, 2, 1), (1, 1, 3))).startswith("A tie")
        assert verdict_short(result((2, 2, 1), (3, 2, 5))) == (
            "for won (for \u221210, against \u221220 points)"
        )
        assert verdict(result((2, 2, 1), (0, 0, 0))) == ""  # no votes after: no verdict


def test_pages_screen_and_api_say_the_same(client, debate, maker):
    r = rounds(debate)
    for kind, choices in (("before", "ffaau"), ("after", "fffaauuuuu")):
        services.round_open(actor=maker, vote_round=r[kind])
        for n, letter in enumerate(choices):
            choice = {"f": "for", "a": "against", "u": "undecided"}[letter]
            services.vote_cast(round_id=r[kind].pk, choice=choice, key=f"device:{n}")
        services.round_close(actor=maker, vote_round=r[kind])
    services.result_publish(actor=maker, debate=debate)
    said = "Verschuiving in procentpunten: voor \u221210, tegen \u221220."
    for url in (f"/stem/{debate.join_code}", f"/stem/{debate.join_code}/scherm"):
        page = client.get(url).content.decode()
        assert "De voorstanders van de stelling winnen." in page and said in page, url
        assert "+-" not in page and "erbij" not in page
    body = APIClient().get(f"/api/v1/debates/{debate.activity_id}/results").json()
    assert body["winner"] == "for" and said in body["winner_label"]
    assert body["shift"]["for"] == -10
