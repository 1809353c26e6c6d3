"""Debates and their live audience vote.

A ``Debate`` is an activity of the debate format with a motion, speakers for and against,
a moderator, and a short join code for the hall. The audience votes twice — before and
after — in a ``VoteRound`` that staff open and close: for, against or undecided. The
result is the shares before and after and the persuasion shift: the side that gained most
wins (Intelligence Squared style), published on the activity page once the debate is over.

Votes reveal political opinions, so no vote is stored: a round keeps three totals, and a
``Ballot`` holds only a digest that stops the same ticket or device voting twice in that
round. The digest is keyed with the round's own random ``salt``, which is wiped when the
round closes: from then on nobody, the library included, can work out whose ballot a digest
was, even with the list of tickets.
"""

import secrets

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ontmoet.core.models import TimeStamped
from ontmoet.programme.models import Activity

# Join codes avoid letters and digits that are read alike (0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 5


def new_join_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Debate(TimeStamped):
    activity = models.OneToOneField(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="debate"
    )
    motion = models.CharField(_("motion"), max_length=300)
    speakers_for = models.JSONField(_("speakers for"), default=list, blank=True)
    speakers_against = models.JSONField(_("speakers against"), default=list, blank=True)
    moderator = models.CharField(_("moderator"), max_length=150, blank=True)
    join_code = models.CharField(_("join code"), max_length=8, unique=True, default=new_join_code)
    result_published = models.BooleanField(_("result published"), default=False)

    class Meta:
        verbose_name = _("debate")
        verbose_name_plural = _("debates")

    def __str__(self) -> str:
        return self.motion


class VoteRound(models.Model):
    class Kind(models.TextChoices):
        BEFORE = "before", _("before the debate")
        AFTER = "after", _("after the debate")

    class Choice(models.TextChoices):
        FOR = "for", _("for")
        AGAINST = "against", _("against")
        UNDECIDED = "undecided", _("undecided")

    debate = models.ForeignKey(
        Debate, verbose_name=_("debate"), on_delete=models.CASCADE, related_name="rounds"
    )
    kind = models.CharField(_("round"), max_length=8, choices=Kind.choices)
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # Wiped when the round closes (see the module's docstring).
    salt = models.CharField(_("salt"), max_length=64, blank=True)
    votes_for = models.PositiveIntegerField(_("for"), default=0)
    votes_against = models.PositiveIntegerField(_("against"), default=0)
    votes_undecided = models.PositiveIntegerField(_("undecided"), default=0)

    class Meta:
        verbose_name = _("vote round")
        verbose_name_plural = _("vote rounds")
        ordering = ["debate", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["debate", "kind"], name="vote_round_once"),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True) | Q(opened_at__isnull=False),
                name="vote_round_closed_after_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.debate}: {self.get_kind_display()}"

    @property
    def is_open(self) -> bool:
        return self.opened_at is not None and self.closed_at is None

    @property
    def total(self) -> int:
        return self.votes_for + self.votes_against + self.votes_undecided


class Ballot(models.Model):
    """That a ticket or a device has voted in a round: a salted digest, nothing else."""

    round = models.ForeignKey(
        VoteRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="+"
    )
    digest = models.CharField(_("digest"), max_length=64)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [models.UniqueConstraint(fields=["round", "digest"], name="ballot_once")]

    def __str__(self) -> str:
        return f"{self.round_id}:{self.digest[:8]}"


# The published moderation criteria: why a question is not put to the speakers.
REJECTION_REASONS = [
    ("off_topic", _("It is not about the motion or the debate.")),
    ("abusive", _("It insults, threatens or discriminates.")),
    ("private", _("It names or exposes private persons.")),
    ("advertising", _("It advertises or campaigns.")),
    ("unclear", _("It cannot be understood as a question.")),
]


class Question(models.Model):
    """A question from the audience: anonymous or with a first name, moderated before it is
    shown; the audience upvotes it (counted once per device, like ballots)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for the moderator")
        APPROVED = "approved", _("approved")
        ANSWERED = "answered", _("answered")
        REJECTED = "rejected", _("not put to the speakers")
        MERGED = "merged", _("merged with a similar question")

    debate = models.ForeignKey(
        Debate, verbose_name=_("debate"), on_delete=models.CASCADE, related_name="questions"
    )
    text = models.CharField(_("question"), max_length=280)
    first_name = models.CharField(_("first name"), max_length=40, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reason = models.CharField(_("reason"), max_length=16, choices=REJECTION_REASONS, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged",
    )
    upvotes = models.PositiveIntegerField(_("upvotes"), default=0)
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)

    class Meta:
        verbose_name = _("audience question")
        verbose_name_plural = _("audience questions")
        ordering = ["-upvotes", "created_at"]
        indexes = [models.Index(fields=["debate", "status"], name="question_board")]

    def __str__(self) -> str:
        return self.text[:60]


class QuestionUpvote(models.Model):
    """That a device upvoted a question: a digest salted with the question, nothing else."""

    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="+"
    )
    digest = models.CharField(_("digest"), max_length=64)

    class Meta:
        verbose_name = _("upvote")
        verbose_name_plural = _("upvotes")
        constraints = [models.UniqueConstraint(fields=["question", "digest"], name="upvote_once")]

    def __str__(self) -> str:
        return f"{self.question_id}:{self.digest[:8]}"
