"""Practice tournaments: members with the least data, teams, a random first round and
power-paired rounds after it without rematches, byes shared fairly, rooms of the branch,
ballots once through a private link, standings and speaker rankings, the final promoted."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ontmoet.programme.models import Format
from ontmoet.training import services
from ontmoet.training.ballots import ballot_token, pairing_by_token
from ontmoet.training.models import Club, Member, Pairing, Tournament
from ontmoet.training.selectors import speaker_rankings, team_standings
from ontmoet.venues.models import Space


@pytest.fixture
def club(schilderswijk):
    return Club.objects.create(branch=schilderswijk, name="Debatclub Schilderswijk")


def make_tournament(club, maker, teams: int) -> Tournament:
    tournament = Tournament.objects.create(club=club, name="Oefentoernooi")
    for n in range(teams):
        speakers = [
            services.member_add(actor=maker, club=club, first_name=f"Leerling {n}-{s}")
            for s in range(2)
        ]
        services.team_add(actor=maker, tournament=tournament, name=f"Team {n}", members=speakers)
    return tournament


def judge(pairing: Pairing, winner="proposition", base=70):
    scores = {}
    for bonus, team in ((5, pairing.proposition), (0, pairing.opposition)):
        for m in team.members.all():
            scores[m.pk] = base + (bonus if winner == "proposition" else 5 - bonus)
    services.ballot_submit(pairing=pairing, winner=winner, scores=scores, adjudicator="Jury")


def test_members_hold_the_least_data(club, maker, reader):
    member = services.member_add(
        actor=maker, club=club, first_name="Aya", school_class="2b", guardian_email="OUDER@x.nl"
    )
    assert member.guardian_email == "ouder@x.nl"
    assert {f.name for f in Member._meta.concrete_fields} == {
        "id",
        "club",
        "first_name",
        "school_class",
        "guardian_email",
    }
    with pytest.raises(PermissionDenied):
        services.member_add(actor=reader, club=club, first_name="X")


def test_rounds_pair_by_results_without_rematches(club, maker):
    for n in range(3):
        Space.objects.create(branch=club.branch, name=f"Lokaal {n}", kind="classroom", capacity=30)
    tournament = make_tournament(club, maker, teams=4)
    first = services.round_pair(actor=maker, tournament=tournament)
    pairings = list(first.pairings.all())
    assert len(pairings) == 2 and len({p.room_id for p in pairings}) == 2
    with pytest.raises(ValidationError):  # ballots first
        services.round_pair(actor=maker, tournament=tournament)
    for pairing in pairings:
        judge(pairing)
    second = services.round_pair(actor=maker, tournament=tournament)
    winners = {p.proposition_id for p in pairings}
    met = {frozenset((p.proposition_id, p.opposition_id)) for p in pairings}
    for pairing in second.pairings.all():
        assert frozenset((pairing.proposition_id, pairing.opposition_id)) not in met
        # Power pairing: winners meet winners.
        assert (pairing.proposition_id in winners) == (pairing.opposition_id in winners)
        judge(pairing, winner="opposition")
    standings = team_standings(tournament)
    assert [s.debates for s in standings] == [2] * 4
    assert standings[0].wins >= standings[-1].wins
    ranking = speaker_rankings(tournament)
    assert len(ranking) == 8 and ranking[0]["average"] >= ranking[-1]["average"]


def test_byes_go_round(club, maker):
    tournament = make_tournament(club, maker, teams=3)
    sat_out = []
    for _ in range(3):
        rnd = services.round_pair(actor=maker, tournament=tournament)
        [pairing] = rnd.pairings.all()
        teams = set(tournament.teams.values_list("pk", flat=True))
        sat_out.append((teams - {pairing.proposition_id, pairing.opposition_id}).pop())
        judge(pairing)
    assert len(set(sat_out)) == 3  # every team sat out once


def test_the_ballot_through_its_private_link(club, maker):
    tournament = make_tournament(club, maker, teams=2)
    [pairing] = services.round_pair(actor=maker, tournament=tournament).pairings.all()
    token = ballot_token(pairing)
    assert pairing_by_token(token) == pairing
    assert pairing_by_token(token[:-1] + ("0" if token[-1] != "0" else "1")) is None
    assert pairing_by_token("1-x") is None
    with pytest.raises(ValidationError):
        services.ballot_submit(pairing=pairing, winner="proposition", scores={}, adjudicator="J")
    speakers = [m.pk for t in (pairing.proposition, pairing.opposition) for m in t.members.all()]
    with pytest.raises(ValidationError):
        services.ballot_submit(
            pairing=pairing,
            winner="proposition",
            scores=dict.fromkeys(speakers, 101),
            adjudicator="J",
        )
    judge(pairing)
    with pytest.raises(ValidationError):
        judge(pairing)  # once


def test_the_final_goes_into_the_programme(club, maker, taxonomy):
    tournament = make_tournament(club, maker, teams=2)
    start = timezone.now() + datetime.timedelta(days=20)
    assert Format.objects.filter(slug="debat").exists()
    final = services.final_promote(
        actor=maker,
        tournament=tournament,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        motion="Mobiele telefoons horen niet in de klas",
    )
    assert final.status == "draft" and final.format.slug == "debat"
    with pytest.raises(ValidationError):
        services.final_promote(
            actor=maker,
            tournament=Tournament.objects.get(pk=tournament.pk),
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=1),
            motion="x",
        )
