"""Reads of debates: a debate by its join code, and the result of its vote — the shares
before and after and the persuasion shift (Intelligence Squared style: the side whose
share grew most wins, whatever its share at the end).

The verdict is reached on the numbers everyone sees: whole percentages (rounded half up),
and the shift as the difference of those. So whoever reads the table can check the winner
(ADR 0007); a difference smaller than the rounding is a tie.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from ontmoet.programme.models import Activity

from . import statements, verdict
from .models import Debate, VoteRound

SIDES = ("for", "against", "undecided")


@dataclass(frozen=True)
class RoundResult:
    kind: str
    is_open: bool
    closed: bool
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def shares(self) -> dict[str, int]:
        """Whole percentages of the votes in the round, rounded half up in integers (not
        Python's round(), which takes 12.5 to 12 but 37.5 to 38)."""
        total = self.total
        return {
            side: (200 * n + total) // (2 * total) if total else 0
            for side, n in self.counts.items()
        }


@dataclass(frozen=True)
class DebateResult:
    before: RoundResult
    after: RoundResult

    @property
    def complete(self) -> bool:
        return self.before.closed and self.after.closed and self.before.total and self.after.total

    @property
    def shift(self) -> dict[str, int]:
        """Percentage points gained (or lost) by each side from before to after."""
        return {s: self.after.shares[s] - self.before.shares[s] for s in SIDES}

    @property
    def winner(self) -> str | None:
        """ "for", "against" or "tie"; None until both rounds are closed with votes. The side
        whose shown share grew most (or fell least) wins."""
        if not self.complete:
            return None
        shift = self.shift
        if shift["for"] == shift["against"]:
            return "tie"
        return "for" if shift["for"] > shift["against"] else "against"


def _round_result(vote_round: VoteRound) -> RoundResult:
    return RoundResult(
        kind=vote_round.kind,
        is_open=vote_round.is_open,
        closed=vote_round.closed_at is not None,
        counts={
            "for": vote_round.votes_for,
            "against": vote_round.votes_against,
            "undecided": vote_round.votes_undecided,
        },
    )


def debate_result(debate: Debate) -> DebateResult:
    rounds = {r.kind: r for r in debate.rounds.all()}
    return DebateResult(
        before=_round_result(rounds[VoteRound.Kind.BEFORE]),
        after=_round_result(rounds[VoteRound.Kind.AFTER]),
    )


def public_result(activity_id: int) -> tuple[str, DebateResult] | None:
    """The motion and the result of the debate on a published activity, None if there is
    none. One statement over its two rounds and only the columns the result needs: hundreds
    of phones and the big screen poll it every few seconds during a vote."""
    rows = statements.published_rounds(activity_id)
    rounds = {}
    for _motion, kind, is_open, closed, *counts in rows:
        rounds[kind] = RoundResult(
            kind=kind,
            is_open=bool(is_open),  # SQLite answers a comparison with 0 or 1
            closed=bool(closed),
            counts=dict(zip(SIDES, counts, strict=True)),
        )
    if set(rounds) != set(VoteRound.Kind.values):
        return None
    return rows[0][0], DebateResult(
        before=rounds[VoteRound.Kind.BEFORE], after=rounds[VoteRound.Kind.AFTER]
    )


def public_round(activity_id: int, kind: str) -> tuple[int, str] | None:
    """The id of a round (before or after) of the debate on a published activity, and the
    debate's join code; None if there is none. One statement: every vote asks."""
    found = statements.published_round(activity_id, kind)
    return (found[0], found[1]) if found else None


def debate_by_code(code: str) -> Debate | None:
    """The debate the hall can join with this code: its activity is published (not a draft,
    not cancelled). None for anything else."""
    code = str(code).strip().upper()
    if not 0 < len(code) <= 8 or not code.isascii() or not code.isalnum():
        return None
    return (
        Debate.objects.select_related("activity__branch")
        .prefetch_related("rounds")
        .filter(join_code=code, activity__status=Activity.Status.PUBLISHED)
        .first()
    )


def open_round(debate: Debate) -> VoteRound | None:
    return next((r for r in debate.rounds.all() if r.is_open), None)


def result_context(result: DebateResult | None) -> dict:
    """What the result templates need: the result and its two rows, labelled."""
    if result is None:
        return {"result": None, "rows": [], "verdict": ""}
    return {
        "result": result,
        "rows": [(_("Before"), result.before), (_("After"), result.after)],
        "verdict": verdict.verdict(result),
    }
