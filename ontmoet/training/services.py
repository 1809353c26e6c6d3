"""Writes of debate training: clubs and members (staff of the branch), tournaments and
teams, pairing a round, the adjudicator's ballot, and promoting a final into the public
programme.

Pairing: the first round is drawn at random (seeded by the tournament and round, so it
can be reproduced); later rounds pair by the standings (wins, then speaker points), each
team with the next one it has not met, taking the side it had less often. With an odd
number of teams, the lowest-ranked team of those that sat out least often sits out. Rooms
are the branch's rooms for talking (classrooms, meeting rooms, multipurpose), one per
debate, as far as they go.
"""

import datetime
import random

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.accounts import scoping
from ontmoet.core.audit import audit_record
from ontmoet.debates.services import debate_save
from ontmoet.programme.models import Activity, Format
from ontmoet.programme.permissions import ensure_can_edit_branch
from ontmoet.programme.services import activity_create
from ontmoet.venues.models import Space

from .ballots import new_nonce
from .models import BankMotion, Club, Member, Pairing, Round, SpeakerScore, Team, Tournament
from .selectors import team_standings

ROOM_KINDS = ("classroom", "meeting_room", "multipurpose")


@transaction.atomic
def member_add(*, actor, club: Club, first_name: str, school_class: str = "", guardian_email=""):
    ensure_can_edit_branch(user=actor, branch=club.branch)
    member = Member(
        club=club,
        first_name=first_name.strip(),
        school_class=school_class.strip(),
        guardian_email=guardian_email.strip().lower(),
    )
    member.full_clean()
    member.save()
    audit_record(actor=actor, code="training.member.added", target=club)
    return member


@transaction.atomic
def team_add(*, actor, tournament: Tournament, name: str, members: list[Member]) -> Team:
    """A team of two to four of the club's members, none of them in another team of the
    tournament; only before the first round is paired (the draw and the standings count
    the teams there were)."""
    # Locked like round_pair locks it, so that no team slips in while a round is paired.
    tournament = Tournament.objects.select_for_update().select_related("club").get(pk=tournament.pk)
    ensure_can_edit_branch(user=actor, branch=tournament.club.branch)
    if tournament.rounds.exists():
        raise ValidationError({"members": _("Teams are fixed once the first round is paired.")})
    if not 2 <= len(members) <= 4:
        raise ValidationError({"members": _("A team has two to four speakers.")})
    if any(m.club_id != tournament.club_id for m in members):
        raise ValidationError({"members": _("Speakers come from the tournament's club.")})
    if any(m.left_at is not None for m in members):
        raise ValidationError({"members": _("A member who left the club cannot join a team.")})
    taken = sorted(
        Member.objects.filter(teams__tournament=tournament, pk__in=[m.pk for m in members])
        .values_list("first_name", flat=True)
        .distinct()
    )
    if taken:
        raise ValidationError(
            {
                "members": _("Already in a team of this tournament: %(names)s.")
                % {"names": ", ".join(taken)}
            }
        )
    team = Team(tournament=tournament, name=name.strip())
    team.full_clean()
    team.save()
    team.members.set(members)
    audit_record(actor=actor, code="training.team.added", target=tournament)
    return team


def _met(tournament: Tournament) -> tuple[set[frozenset], dict[int, int]]:
    """Who met whom, and how often each team argued the proposition."""
    met, proposition = set(), {}
    for prop, opp in Pairing.objects.filter(round__tournament=tournament).values_list(
        "proposition_id", "opposition_id"
    ):
        met.add(frozenset((prop, opp)))
        proposition[prop] = proposition.get(prop, 0) + 1
    return met, proposition


def _bye(tournament: Tournament, order: list[Team], number: int) -> Team:
    """The lowest-ranked team among those that sat out least often."""
    debated: dict[int, int] = {}
    for prop, opp in Pairing.objects.filter(round__tournament=tournament).values_list(
        "proposition_id", "opposition_id"
    ):
        debated[prop] = debated.get(prop, 0) + 1
        debated[opp] = debated.get(opp, 0) + 1
    byes = {t.pk: (number - 1) - debated.get(t.pk, 0) for t in order}
    fewest = min(byes.values())
    return next(t for t in reversed(order) if byes[t.pk] == fewest)


def _pairs(order: list[Team], met: set[frozenset]) -> list[tuple[Team, Team]]:
    """Each team from the top with the next one down it has not met (or the next one, if
    it has met them all)."""
    left, pairs = list(order), []
    while len(left) >= 2:
        first = left.pop(0)
        other = next((t for t in left if frozenset((first.pk, t.pk)) not in met), left[0])
        left.remove(other)
        pairs.append((first, other))
    return pairs


@transaction.atomic
def round_pair(*, actor, tournament: Tournament, motion: BankMotion | None = None) -> Round:
    """Make the next round and its pairings."""
    tournament = Tournament.objects.select_for_update().select_related("club").get(pk=tournament.pk)
    ensure_can_edit_branch(user=actor, branch=tournament.club.branch)
    teams = list(tournament.teams.all())
    if len(teams) < 2:
        raise ValidationError({"teams": _("A tournament needs at least two teams.")})
    number = tournament.rounds.count() + 1
    if tournament.rounds.filter(pairings__submitted_at__isnull=True).exists():
        raise ValidationError({"round": _("Wait for every ballot of the last round.")})
    if number == 1:
        order = sorted(teams, key=lambda t: t.pk)
        random.Random(f"{tournament.pk}:{number}").shuffle(order)
    else:
        order = [s.team for s in team_standings(tournament)]
    met, proposition = _met(tournament)
    if len(order) % 2:
        order.remove(_bye(tournament, order, number))
    vote_round = Round.objects.create(tournament=tournament, number=number, motion=motion)
    rooms = list(
        Space.objects.filter(branch_id=tournament.club.branch_id, kind__in=ROOM_KINDS).order_by(
            "name"
        )
    )
    for n, (a, b) in enumerate(_pairs(order, met)):
        if proposition.get(a.pk, 0) > proposition.get(b.pk, 0):
            a, b = b, a
        Pairing.objects.create(
            round=vote_round,
            proposition=a,
            opposition=b,
            room=rooms[n] if n < len(rooms) else None,
            ballot_nonce=new_nonce(),
        )
    audit_record(
        actor=actor,
        code="training.round.paired",
        target=tournament,
        changes={"round": [None, number]},
    )
    return vote_round


@transaction.atomic
def ballot_submit(*, pairing: Pairing, winner: str, scores: dict[int, int], adjudicator: str):
    """The adjudicator's ballot, once: the winning side and a score (50–100) for every
    speaker of both teams."""
    pairing = Pairing.objects.select_for_update().get(pk=pairing.pk)
    if pairing.submitted_at is not None:
        raise ValidationError({"winner": _("This ballot has been submitted already.")})
    if winner not in Pairing.Side.values:
        raise ValidationError({"winner": _("Choose the winning side.")})
    speakers = {
        m.pk: team for team in (pairing.proposition, pairing.opposition) for m in team.members.all()
    }
    if set(scores) != set(speakers):
        raise ValidationError({"scores": _("Give every speaker a score.")})
    if not all(50 <= s <= 100 for s in scores.values()):
        raise ValidationError({"scores": _("Scores run from 50 to 100.")})
    ProhibitNullCharactersValidator()(adjudicator)  # PostgreSQL refuses NUL in text
    SpeakerScore.objects.bulk_create(
        [
            SpeakerScore(pairing=pairing, member_id=pk, team=speakers[pk], score=score)
            for pk, score in scores.items()
        ]
    )
    pairing.winner, pairing.adjudicator = winner, adjudicator.strip()[:80]
    pairing.submitted_at = timezone.now()
    pairing.save(update_fields=["winner", "adjudicator", "submitted_at"])
    return pairing


def _format(slug: str) -> Format:
    """A format the programme's data migration makes (programme 0004); staff could still
    have removed it."""
    found = Format.objects.filter(slug=slug).first()
    if found is None:
        raise ValidationError(
            {"format": _("The format “%(slug)s” is missing from the programme.") % {"slug": slug}}
        )
    return found


@transaction.atomic
def final_promote(*, actor, tournament: Tournament, starts_at, ends_at, motion: str) -> Activity:
    """The final as a public debate: a draft activity (format debate) at the club's
    branch, made a debate on the motion (its vote rounds and join code with it), for staff
    to complete and publish."""
    tournament = Tournament.objects.select_for_update().select_related("club").get(pk=tournament.pk)
    ensure_can_edit_branch(user=actor, branch=tournament.club.branch)
    if tournament.final_id:
        raise ValidationError({"final": _("The final is in the programme already.")})
    # A final follows a tournament that has been held: its teams debated at least a round.
    if not tournament.rounds.exists():
        raise ValidationError(
            {"final": _("Pair the first round of the tournament before planning its final.")}
        )
    if starts_at <= timezone.now():
        raise ValidationError({"starts_at": _("The final cannot start in the past.")})
    motion = " ".join(str(motion).split())
    if not motion:
        raise ValidationError({"motion": _("Give the motion of the final.")})
    activity = activity_create(
        actor=actor,
        data={
            "title": _("Final: %(name)s") % {"name": tournament.name},
            "summary": motion[:300],
            "format": _format("debat"),
            "branch": tournament.club.branch,
            "starts_at": starts_at,
            "ends_at": ends_at,
        },
    )
    debate_save(actor=actor, activity=activity, motion=motion)
    Tournament.objects.filter(pk=tournament.pk).update(final=activity)
    audit_record(
        actor=actor,
        code="training.final.promoted",
        target=tournament,
        changes={"final": [None, activity.pk], "motion": [None, motion]},
    )
    return activity


@transaction.atomic
def club_create(*, actor, branch, name: str, coach: str = "") -> Club:
    if not scoping.can_edit_branch(actor, branch.pk):
        raise PermissionDenied("Not your branch.")
    club = Club(branch=branch, name=name.strip(), coach=coach.strip())
    club.full_clean()
    club.save()
    audit_record(actor=actor, code="training.club.created", target=club)
    return club


@transaction.atomic
def member_remove(*, actor, member: Member) -> None:
    """A pupil leaves the club: their name goes; scores already given stay with the team,
    under "(left)" and marked as left, so that standings do not change. Once."""
    ensure_can_edit_branch(user=actor, branch=member.club.branch)
    if member.left_at is not None:
        raise ValidationError({"member": _("This member has left the club already.")})
    if member.scores.exists() or member.teams.exists():
        Member.objects.filter(pk=member.pk).update(
            first_name=str(_("(left)")), school_class="", guardian_email="", left_at=timezone.now()
        )
    else:
        member.delete()
    audit_record(actor=actor, code="training.member.removed", target=member.club)


@transaction.atomic
def tournament_create(*, actor, club: Club, name: str) -> Tournament:
    ensure_can_edit_branch(user=actor, branch=club.branch)
    tournament = Tournament(club=club, name=name.strip())
    tournament.full_clean()
    tournament.save()
    audit_record(actor=actor, code="training.tournament.created", target=club)
    return tournament


def sessions_schedule(
    *, actor, club: Club, starts_at, minutes: int, weeks: int = 1, space=None
) -> tuple[list[Activity], list[str]]:
    """Weekly training sessions of the club as activities of its branch (drafts, format
    debate training), its room booked by the programme as for any activity. A week whose
    room is taken is skipped and reported; the others are made."""
    ensure_can_edit_branch(user=actor, branch=club.branch)
    if not 1 <= weeks <= 20 or not 15 <= minutes <= 480:
        raise ValidationError({"weeks": _("Between 1 and 20 weeks, 15 minutes to 8 hours.")})
    made, skipped = [], []
    fmt = _format("debattraining")
    local = timezone.localtime(starts_at).replace(tzinfo=None)
    for week in range(weeks):
        # On the local clock: 16:00 stays 16:00 across the change to or from summer time.
        start = timezone.make_aware(local + datetime.timedelta(weeks=week))
        data = {
            "title": str(_("Debate training: %(club)s") % {"club": club.name}),
            "summary": str(_("Training of the debate club %(club)s.") % {"club": club.name}),
            "format": fmt,
            "branch": club.branch,
            "space": space,
            "starts_at": start,
            "ends_at": start + datetime.timedelta(minutes=minutes),
        }
        try:
            with transaction.atomic():
                activity = activity_create(actor=actor, data=data)
                club.sessions.add(activity)
        except ValidationError as error:
            skipped.append(f"{timezone.localtime(start):%d-%m-%Y}: {' '.join(error.messages)}")
        else:
            made.append(activity)
    return made, skipped


@transaction.atomic
def motion_add(*, actor, text: str, themes=(), for_beginners: bool = True) -> BankMotion:
    """Anyone who plans may add to the motion bank, which every club shares."""
    if not scoping.can_edit_anything(actor):
        raise PermissionDenied("Only staff who plan add motions.")
    text = " ".join(str(text).split())
    same = _motion_in_bank(text)
    if same is not None:
        raise ValidationError(
            {"text": _("The motion bank has this motion already: “%(motion)s”.") % {"motion": same}}
        )
    motion = BankMotion(text=text, for_beginners=for_beginners)
    motion.full_clean()
    motion.save()
    motion.themes.set(themes)
    audit_record(actor=actor, code="training.motion.added", target=motion)
    return motion


def _motion_in_bank(text: str) -> str | None:
    """The motion of the bank that reads the same as ``text`` whatever its capitals and
    spaces, if any. Compared here rather than by the database: SQLite folds the case of
    ASCII letters only ("Één" and "één" would differ), and the bank is a short list."""
    key = " ".join(text.split()).casefold()
    for existing in BankMotion.objects.values_list("text", flat=True).iterator():
        if " ".join(existing.split()).casefold() == key:
            return existing
    return None
