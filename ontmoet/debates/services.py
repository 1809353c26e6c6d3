"""Writes of debates: setting up a debate on an activity (staff), opening and closing its
vote rounds (staff), and casting a vote (anyone in the hall, no account).

A vote is counted under the round's row lock (PostgreSQL; the database's write lock on
SQLite) in one transaction that adds one to a total of an open round and records the
ballot's digest, or rolls both back when the round has that digest already: the totals
always equal the ballots accepted, however many vote at once. What de-duplicates is a
key — a ticket code when the voter has one for this activity, otherwise a random id kept
by the voter's browser — digested with the round's salt, which is wiped when the round
closes.
"""

import hashlib
import hmac
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.core.audit import audit_record
from ontmoet.core.pagecache import content_changed
from ontmoet.core.writer_turn import writer_turn
from ontmoet.programme.models import Activity
from ontmoet.programme.permissions import ensure_can_edit_branch
from ontmoet.programme.services import PUBLIC_CONTENT

from . import statements
from .models import Ballot, Debate, VoteRound

COUNTERS = {
    VoteRound.Choice.FOR: "votes_for",
    VoteRound.Choice.AGAINST: "votes_against",
    VoteRound.Choice.UNDECIDED: "votes_undecided",
}


class VoteRefused(Exception):
    """Understood but not counted (HTTP 409): the round is not open, or this key voted."""

    def __init__(self, code: str, message):
        super().__init__(str(message))
        self.code, self.message = code, message


# Speakers per side, and the length of a name: more does not fit the pages or the screen.
MAX_SPEAKERS = 8
NAME_LENGTH = 150


def _clean_names(names, *, field: str) -> list[str]:
    """The names without blank lines; refused (never cut short without a word) when there
    are too many or one is too long."""
    names = [str(n).strip() for n in names if str(n).strip()]
    if len(names) > MAX_SPEAKERS:
        raise ValidationError(
            {
                field: _("At most %(limit)d speakers per side; this list has %(count)d.")
                % {"limit": MAX_SPEAKERS, "count": len(names)}
            }
        )
    if any(len(n) > NAME_LENGTH for n in names):
        raise ValidationError(
            {field: _("A name can be at most %(limit)d characters.") % {"limit": NAME_LENGTH}}
        )
    return names


@transaction.atomic
def debate_save(
    *,
    actor,
    activity: Activity,
    motion: str,
    speakers_for=(),
    speakers_against=(),
    moderator: str = "",
) -> Debate:
    """Make ``activity`` a debate, or change its motion and speakers; its two rounds (before
    and after) come with it."""
    ensure_can_edit_branch(user=actor, branch=activity.branch)
    debate = Debate.objects.filter(activity=activity).first() or Debate(activity=activity)
    created = debate.pk is None
    debate.motion = motion.strip()
    debate.speakers_for = _clean_names(speakers_for, field="speakers_for")
    debate.speakers_against = _clean_names(speakers_against, field="speakers_against")
    debate.moderator = moderator.strip()[:150]
    debate.full_clean()
    debate.save()
    if created:
        VoteRound.objects.bulk_create(
            [VoteRound(debate=debate, kind=kind) for kind in VoteRound.Kind.values]
        )
    audit_record(
        actor=actor,
        code="debates.debate.created" if created else "debates.debate.updated",
        target=debate,
        changes={"motion": [None, debate.motion]},
    )
    content_changed(PUBLIC_CONTENT)  # the activity and series pages show the motion
    return debate


@transaction.atomic
def round_open(*, actor, vote_round: VoteRound) -> VoteRound:
    vote_round = (
        VoteRound.objects.select_for_update()
        .select_related("debate__activity")
        .get(pk=vote_round.pk)
    )
    ensure_can_edit_branch(user=actor, branch=vote_round.debate.activity.branch)
    if vote_round.debate.activity.status == Activity.Status.CANCELLED:
        raise ValidationError({"round": _("The activity is cancelled: its vote cannot be opened.")})
    if vote_round.opened_at is not None:
        raise ValidationError({"round": _("This round has been opened already.")})
    if VoteRound.objects.filter(
        debate=vote_round.debate, opened_at__isnull=False, closed_at__isnull=True
    ).exists():
        raise ValidationError({"round": _("Close the other round first.")})
    # The shift compares after with before: an "after" vote without a finished "before"
    # vote measures nothing.
    if (
        vote_round.kind == VoteRound.Kind.AFTER
        and not VoteRound.objects.filter(
            debate=vote_round.debate, kind=VoteRound.Kind.BEFORE, closed_at__isnull=False
        ).exists()
    ):
        raise ValidationError({"round": _("Open and close the vote before the debate first.")})
    vote_round.opened_at, vote_round.salt = timezone.now(), secrets.token_hex(32)
    vote_round.save(update_fields=["opened_at", "salt"])
    audit_record(
        actor=actor,
        code="debates.round.opened",
        target=vote_round.debate,
        changes={"round": [None, vote_round.kind]},
    )
    return vote_round


@transaction.atomic
def round_close(*, actor, vote_round: VoteRound) -> VoteRound:
    """Close the round and wipe its salt: the ballots' digests can no longer be recomputed
    from anyone's ticket or device."""
    vote_round = (
        VoteRound.objects.select_for_update()
        .select_related("debate__activity")
        .get(pk=vote_round.pk)
    )
    ensure_can_edit_branch(user=actor, branch=vote_round.debate.activity.branch)
    if not vote_round.is_open:
        raise ValidationError({"round": _("This round is not open.")})
    vote_round.closed_at, vote_round.salt = timezone.now(), ""
    vote_round.save(update_fields=["closed_at", "salt"])
    audit_record(
        actor=actor,
        code="debates.round.closed",
        target=vote_round.debate,
        changes={"round": [None, vote_round.kind], "votes": [None, vote_round.total]},
    )
    return vote_round


@transaction.atomic
def result_publish(*, actor, debate: Debate, published: bool = True) -> Debate:
    """Show the result on the public pages (or hide it again); only once both rounds are
    closed, so that the published shift is final."""
    ensure_can_edit_branch(user=actor, branch=debate.activity.branch)
    if published and VoteRound.objects.filter(debate=debate, closed_at__isnull=True).exists():
        raise ValidationError({"published": _("Close both votes before publishing the result.")})
    Debate.objects.filter(pk=debate.pk).update(result_published=published)
    debate.result_published = published
    content_changed(PUBLIC_CONTENT)
    audit_record(
        actor=actor,
        code="debates.result.published",
        target=debate,
        changes={"published": [None, published]},
    )
    return debate


def _digest(salt: str, key: str) -> str:
    return hmac.new(salt.encode(), key.encode(), hashlib.sha256).hexdigest()


def vote_cast(*, round_id: int, choice: str, key: str) -> None:
    """Count one vote in an open round, once per key. In one transaction: the count (which
    locks the round's row and checks it is open), then the ballot; a ballot the round has
    already rolls the count back (``statements.py``)."""
    if choice not in COUNTERS:
        raise ValidationError({"choice": _("Choose for, against or undecided.")})
    if not key or len(key) > 200:
        raise ValidationError({"token": _("This vote has no valid key.")})
    if not 0 < round_id < 2**63:  # beyond what the databases compare (SQLite overflows)
        raise VoteRefused("closed", _("Voting is not open in this round."))
    with writer_turn(), transaction.atomic():
        salt = statements.count_vote(round_id, COUNTERS[choice])
        if not salt:
            raise VoteRefused("closed", _("Voting is not open in this round."))
        if not statements.record_ballot(round_id, _digest(salt, key)):
            raise VoteRefused("voted", _("You have voted in this round already."))


def has_voted(vote_round: VoteRound, key: str) -> bool:
    if not vote_round.is_open or not key:
        return False
    digest = _digest(vote_round.salt, key)
    return Ballot.objects.filter(round=vote_round, digest=digest).exists()
