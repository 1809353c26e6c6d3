"""Practice tournaments: members with the least data, teams, a random first round and
power-paired rounds after it without rematches, byes shared fairly, rooms of the branch,
ballots once through a private link, standings and speaker rankings, the final promoted."""

import datetime
import importlib

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from ontmoet.core.models import AuditEntry
from ontmoet.debates.models import Debate
from ontmoet.programme.models import Format
from ontmoet.training import services
from ontmoet.training.ballots import ballot_token, pairing_by_token
from ontmoet.training.models import Club, Member, Pairing, Tournament
from ontmoet.training.selectors import speaker_rankings, team_standings
from ontmoet.venues.models import Space


@pytest.fixture
def club(schilderswijk):
    return Club.objects.create(branch=schilderswijk, name="Debatclub Schilderswijk")


def make_tournament(club, maker, teams: int, paired: bool = False) -> Tournament:
    """A tournament of ``teams`` teams of two; with ``paired``, its first round paired (a
    tournament that has been held, whose final can be planned)."""
    tournament = Tournament.objects.create(club=club, name="Oefentoernooi")
    for n in range(teams):
        speakers = [
            services.member_add(actor=maker, club=club, first_name=f"Leerling {n}-{s}")
            for s in range(2)
        ]
        services.team_add(actor=maker, tournament=tournament, name=f"Team {n}", members=speakers)
    if paired:
        services.round_pair(actor=maker, tournament=tournament)
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
        "left_at",  # a moment, no more about the pupil
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
    tournament = make_tournament(club, maker, teams=2, paired=True)
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


def test_speakers_are_ranked_one_by_one_whatever_their_names(club, maker):
    """Two pupils called Sam in one team (and one in the other) are three speakers."""
    sams = [services.member_add(actor=maker, club=club, first_name="Sam") for _ in range(3)]
    tournament = Tournament.objects.create(club=club, name="Sam-toernooi")
    services.team_add(actor=maker, tournament=tournament, name="A", members=sams[:2])
    other = services.member_add(actor=maker, club=club, first_name="Noor")
    services.team_add(actor=maker, tournament=tournament, name="B", members=[sams[2], other])
    [pairing] = services.round_pair(actor=maker, tournament=tournament).pairings.all()
    scores = {sams[0].pk: 80, sams[1].pk: 60, sams[2].pk: 70, other.pk: 75}
    services.ballot_submit(pairing=pairing, winner="proposition", scores=scores, adjudicator="J")
    ranking = speaker_rankings(tournament)
    assert [(r["member_id"], r["average"]) for r in ranking] == [
        (sams[0].pk, 80),
        (other.pk, 75),
        (sams[2].pk, 70),
        (sams[1].pk, 60),
    ]


def test_a_speaker_debates_in_one_team_and_teams_are_fixed_once_paired(club, maker):
    tournament = make_tournament(club, maker, teams=2)
    first_team = tournament.teams.get(name="Team 0")
    taken = list(first_team.members.all())
    newcomer = services.member_add(actor=maker, club=club, first_name="Nieuw")
    with pytest.raises(ValidationError, match="Leerling 0-0"):
        services.team_add(
            actor=maker, tournament=tournament, name="Dubbel", members=[taken[0], newcomer]
        )
    services.round_pair(actor=maker, tournament=tournament)
    late = [newcomer, services.member_add(actor=maker, club=club, first_name="Laat")]
    with pytest.raises(ValidationError):
        services.team_add(actor=maker, tournament=tournament, name="Te laat", members=late)
    assert tournament.teams.count() == 2
    # Another tournament of the club may have the same speakers.
    again = Tournament.objects.create(club=club, name="Voorjaar")
    assert services.team_add(actor=maker, tournament=again, name="Weer", members=taken)


def test_the_final_is_a_debate_with_its_vote(club, maker, taxonomy):
    tournament = make_tournament(club, maker, teams=2, paired=True)
    start = timezone.now() + datetime.timedelta(days=20)
    final = services.final_promote(
        actor=maker,
        tournament=tournament,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        motion="  Huiswerk   moet worden afgeschaft ",
    )
    debate = Debate.objects.get(activity=final)
    assert debate.motion == "Huiswerk moet worden afgeschaft" and len(debate.join_code) == 5
    assert set(debate.rounds.values_list("kind", flat=True)) == {"before", "after"}
    entry = AuditEntry.objects.get(code="training.final.promoted")
    assert entry.actor == maker and entry.changes["final"] == [None, final.pk]
    assert Tournament.objects.get(pk=tournament.pk).final == final
    with pytest.raises(ValidationError):  # no motion, no final
        services.final_promote(
            actor=maker,
            tournament=make_tournament(club, maker, teams=2, paired=True),
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
            motion="   ",
        )


def test_promote_and_plan_without_the_demo(club, maker, space):
    """A fresh install has the formats from the programme's migration; without them, a
    message, not a 500."""
    Format.objects.filter(slug__in=["debat", "debattraining"]).delete()
    start = timezone.now() + datetime.timedelta(days=20)
    promote = {"starts_at": start, "ends_at": start + datetime.timedelta(hours=2), "motion": "M"}
    tournament = make_tournament(club, maker, teams=2, paired=True)
    with pytest.raises(ValidationError):
        services.final_promote(actor=maker, tournament=tournament, **promote)
    migration = importlib.import_module("ontmoet.programme.migrations.0004_debate_formats")
    migration.create_formats(django_apps, None)
    migration.create_formats(django_apps, None)  # again: nothing doubles
    assert dict(Format.objects.values_list("slug", "name_en")) == {
        "debat": "Debate",
        "debattraining": "Debate training",
    }
    final = services.final_promote(actor=maker, tournament=tournament, **promote)
    assert final.format.slug == "debat"
    made, skipped = services.sessions_schedule(
        actor=maker, club=club, starts_at=start, minutes=90, weeks=2, space=space
    )
    assert len(made) == 2 and not skipped
    assert {a.format.slug for a in made} == {"debattraining"}


def test_a_nul_byte_in_the_adjudicators_name_is_refused(club, maker):
    tournament = make_tournament(club, maker, teams=2)
    [pairing] = services.round_pair(actor=maker, tournament=tournament).pairings.all()
    speakers = [m.pk for t in (pairing.proposition, pairing.opposition) for m in t.members.all()]
    with pytest.raises(ValidationError):
        services.ballot_submit(
            pairing=pairing,
            winner="proposition",
            scores=dict.fromkeys(speakers, 70),
            adjudicator="Jury\x00",
        )
    assert not Pairing.objects.get(pk=pairing.pk).submitted_at


def test_a_final_follows_a_held_tournament_and_starts_later(club, maker, taxonomy):
    start = timezone.now() + datetime.timedelta(days=20)
    final = {"ends_at": start + datetime.timedelta(hours=2), "motion": "Huiswerk moet weg"}
    unheld = make_tournament(club, maker, teams=2)
    with pytest.raises(ValidationError) as refused:
        services.final_promote(actor=maker, tournament=unheld, starts_at=start, **final)
    assert list(refused.value.message_dict) == ["final"]
    held = make_tournament(club, maker, teams=2, paired=True)
    past = timezone.now() - datetime.timedelta(minutes=1)
    with pytest.raises(ValidationError) as refused:
        services.final_promote(actor=maker, tournament=held, starts_at=past, **final)
    assert list(refused.value.message_dict) == ["starts_at"]
    assert not Tournament.objects.filter(final__isnull=False).exists()
    assert services.final_promote(actor=maker, tournament=held, starts_at=start, **final)


def test_a_member_leaves_once_and_joins_no_team_after(club, maker):
    tournament = make_tournament(club, maker, teams=2)
    debater = tournament.teams.first().members.first()
    services.member_remove(actor=maker, member=debater)
    debater.refresh_from_db()
    assert debater.left_at is not None and debater.first_name in ("(left)", "(vertrokken)")
    assert debater not in club.members.current()
    with pytest.raises(ValidationError):
        services.member_remove(actor=maker, member=debater)
    assert Member.objects.filter(pk=debater.pk).exists()  # kept for the standings
    newcomer = services.member_add(actor=maker, club=club, first_name="Noor")
    other = Tournament.objects.create(club=club, name="Voorjaar")
    with pytest.raises(ValidationError):
        services.team_add(actor=maker, tournament=other, name="T", members=[debater, newcomer])


def test_members_who_left_before_are_marked_so_by_the_migration(club, maker):
    left = Member.objects.create(club=club, first_name="(vertrokken)")
    english = Member.objects.create(club=club, first_name="(left)")
    named = Member.objects.create(club=club, first_name="(left)", school_class="2b")
    pupil = Member.objects.create(club=club, first_name="Aya")
    migration = importlib.import_module("ontmoet.training.migrations.0003_member_left_at")
    migration.mark_left(django_apps, None)
    assert {m.pk for m in Member.objects.filter(left_at__isnull=False)} == {left.pk, english.pk}
    assert named.pk in set(club.members.current().values_list("pk", flat=True))
    assert pupil.pk in set(club.members.current().values_list("pk", flat=True))


@pytest.mark.parametrize(
    "again",
    [
        "huiswerk moet worden afgeschaft",
        "  HUISWERK moet\tworden   afgeschaft ",
        "Huiswerk moet worden afgeschaft",
    ],
)
def test_the_motion_bank_holds_a_motion_once_whatever_its_capitals(maker, again):
    services.motion_add(actor=maker, text="Huiswerk moet worden afgeschaft")
    with pytest.raises(ValidationError) as refused, translation.override("en"):
        services.motion_add(actor=maker, text=again)
    assert refused.value.message_dict["text"] == [
        "The motion bank has this motion already: “Huiswerk moet worden afgeschaft”."
    ]
    services.motion_add(actor=maker, text="Één stelling")
    with pytest.raises(ValidationError):  # beyond ASCII too, on SQLite as well
        services.motion_add(actor=maker, text="ÉÉN STELLING")
