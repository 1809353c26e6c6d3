"""Reads of debates: a debate by its join code, and the result of its vote — the shares
before and after and the persuasion shift (Intelligence Squared style: the side whose
share grew most wins, whatever its share at the end)."""

from dataclasses import dataclass
from fractions import Fraction

from django.utils.translation import gettext as _

from ontmoet.programme.models import Activity

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
        """Whole percentages of the votes in the round."""
        total = self.total
        return {side: round(100 * n / total) if total else 0 for side, n in self.counts.items()}


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
        """ "for", "against" or "tie"; None until both rounds are closed with votes."""
        if not self.complete:
            return None
        gain_for, gain_against = self._exact_gain("for"), self._exact_gain("against")
        if gain_for == gain_against:
            return "tie"
        return "for" if gain_for > gain_against else "against"

    def _exact_gain(self, side: str) -> Fraction:
        # Decided on exact shares (fractions, not floats), so that neither rounding nor
        # binary floating point ever picks the winner.
        return Fraction(self.after.counts[side], self.after.total) - Fraction(
            self.before.counts[side], self.before.total
        )


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


ROUND_FIELDS = ("kind", "opened_at", "closed_at", "votes_for", "votes_against", "votes_undecided")


def public_result(activity_id: int) -> tuple[str, DebateResult] | None:
    """The motion and the result of the debate on a published activity, None if there is
    none. One query over its two rounds and only the columns the result needs: hundreds of
    phones and the big screen poll it every few seconds during a vote."""
    rows = (
        VoteRound.objects.filter(
            debate__activity_id=activity_id, debate__activity__status=Activity.Status.PUBLISHED
        )
        .order_by()
        .values_list("debate__motion", *ROUND_FIELDS)
    )
    motion, rounds = "", {}
    for row in rows:
        motion, values = row[0], dict(zip(ROUND_FIELDS, row[1:], strict=True))
        rounds[values["kind"]] = VoteRound(**values)
    if set(rounds) != set(VoteRound.Kind.values):
        return None
    return motion, DebateResult(
        before=_round_result(rounds[VoteRound.Kind.BEFORE]),
        after=_round_result(rounds[VoteRound.Kind.AFTER]),
    )


def public_round_id(activity_id: int, kind: str) -> int | None:
    """The id of a round (before or after) of the debate on a published activity, None if
    there is none."""
    return (
        VoteRound.objects.filter(
            debate__activity_id=activity_id,
            debate__activity__status=Activity.Status.PUBLISHED,
            kind=kind,
        )
        .values_list("pk", flat=True)
        .first()
    )


def debate_by_code(code: str) -> Debate | None:
    code = str(code).strip().upper()[:8]
    if not code.isalnum():
        return None
    return (
        Debate.objects.select_related("activity__branch")
        .prefetch_related("rounds")
        .filter(join_code=code)
        .first()
    )


def open_round(debate: Debate) -> VoteRound | None:
    return next((r for r in debate.rounds.all() if r.is_open), None)


def result_context(result: DebateResult | None) -> dict:
    """What the result templates need: the result and its two rows, labelled."""
    if result is None:
        return {"result": None, "rows": []}
    return {"result": result, "rows": [(_("Before"), result.before), (_("After"), result.after)]}
