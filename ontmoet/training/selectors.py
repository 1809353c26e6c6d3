"""Standings of a practice tournament: teams by wins, then speaker points; speakers by
their average score. Byes count as no debate."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Avg, Count, Sum

from .models import Pairing, SpeakerScore, Team, Tournament


@dataclass(frozen=True)
class TeamStanding:
    team: Team
    wins: int
    debates: int
    points: int


def team_standings(tournament: Tournament) -> list[TeamStanding]:
    wins: dict[int, int] = defaultdict(int)
    debates: dict[int, int] = defaultdict(int)
    for prop, opp, winner in Pairing.objects.filter(
        round__tournament=tournament, submitted_at__isnull=False
    ).values_list("proposition_id", "opposition_id", "winner"):
        debates[prop] += 1
        debates[opp] += 1
        wins[prop if winner == Pairing.Side.PROPOSITION else opp] += 1
    points = dict(
        SpeakerScore.objects.filter(pairing__round__tournament=tournament)
        .values_list("team_id")
        .annotate(total=Sum("score"))
    )
    rows = [
        TeamStanding(t, wins[t.pk], debates[t.pk], points.get(t.pk, 0))
        for t in tournament.teams.all()
    ]
    return sorted(rows, key=lambda r: (-r.wins, -r.points, r.team.name))


def speaker_rankings(tournament: Tournament) -> list[dict]:
    """One row per speaker: grouped by the member's id, as pupils often share a first name
    (even within a team)."""
    return list(
        SpeakerScore.objects.filter(pairing__round__tournament=tournament)
        .values("member_id", "member__first_name", "member__school_class", "team__name")
        .annotate(average=Avg("score"), speeches=Count("id"))
        .order_by("-average", "member__first_name", "member_id")
    )
