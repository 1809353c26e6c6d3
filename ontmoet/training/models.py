"""Debate training: debate clubs per branch (school students in Schilderswijk and Transvaal
first), a motion bank tagged by theme, and practice tournaments.

Members of a club are mostly minors: a first name and a school or class, nothing more,
except an optional email address of a parent or guardian. A tournament has teams of
members and rounds; each round pairs the teams (random in the first round, by results
after that), gives each debate a room of the branch and an adjudicator, who fills in the
ballot — winner and speaker scores — through a private link. Standings and speaker
rankings follow from the ballots. A final can become a public debate in the programme.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ontmoet.core.models import TimeStamped
from ontmoet.programme.models import Activity, Theme
from ontmoet.venues.models import Branch, Space


class Club(TimeStamped):
    branch = models.ForeignKey(
        Branch, verbose_name=_("branch"), on_delete=models.PROTECT, related_name="debate_clubs"
    )
    name = models.CharField(_("name"), max_length=120)
    coach = models.CharField(_("coach"), max_length=150, blank=True)
    # The club's training sessions are activities of the programme (format: debate
    # training), so they have a room, a time and registration like any other.
    sessions = models.ManyToManyField(
        Activity, verbose_name=_("training sessions"), blank=True, related_name="debate_clubs"
    )

    class Meta:
        verbose_name = _("debate club")
        verbose_name_plural = _("debate clubs")
        ordering = ["branch", "name"]

    def __str__(self) -> str:
        return self.name


class MemberQuerySet(models.QuerySet):
    def current(self):
        """The members who have not left the club."""
        return self.filter(left_at__isnull=True)


class Member(models.Model):
    club = models.ForeignKey(
        Club, verbose_name=_("club"), on_delete=models.CASCADE, related_name="members"
    )
    first_name = models.CharField(_("first name"), max_length=40)
    school_class = models.CharField(_("school or class"), max_length=80, blank=True)
    guardian_email = models.EmailField(
        _("email address of a parent or guardian"), blank=True, max_length=254
    )
    # A member who left and had debated stays, without their name, for the standings.
    left_at = models.DateTimeField(_("left the club at"), null=True, blank=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("club member")
        verbose_name_plural = _("club members")
        ordering = ["first_name", "id"]

    def __str__(self) -> str:
        return self.first_name


class BankMotion(TimeStamped):
    text = models.CharField(_("motion"), max_length=300, unique=True)
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="bank_motions"
    )
    for_beginners = models.BooleanField(_("suits beginners"), default=True)

    class Meta:
        verbose_name = _("motion of the motion bank")
        verbose_name_plural = _("motion bank")
        ordering = ["text"]

    def __str__(self) -> str:
        return self.text


class Tournament(TimeStamped):
    club = models.ForeignKey(
        Club, verbose_name=_("club"), on_delete=models.CASCADE, related_name="tournaments"
    )
    name = models.CharField(_("name"), max_length=150)
    final = models.OneToOneField(
        Activity,
        verbose_name=_("final in the public programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tournament_final",
    )

    class Meta:
        verbose_name = _("practice tournament")
        verbose_name_plural = _("practice tournaments")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    tournament = models.ForeignKey(
        Tournament, verbose_name=_("tournament"), on_delete=models.CASCADE, related_name="teams"
    )
    name = models.CharField(_("name"), max_length=80)
    members = models.ManyToManyField(Member, verbose_name=_("speakers"), related_name="teams")

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["tournament", "name"], name="team_name_once")
        ]

    def __str__(self) -> str:
        return self.name


class Round(models.Model):
    tournament = models.ForeignKey(
        Tournament, verbose_name=_("tournament"), on_delete=models.CASCADE, related_name="rounds"
    )
    number = models.PositiveSmallIntegerField(_("round"), validators=[MinValueValidator(1)])
    motion = models.ForeignKey(
        BankMotion, verbose_name=_("motion"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("tournament round")
        verbose_name_plural = _("tournament rounds")
        ordering = ["tournament", "number"]
        constraints = [
            models.UniqueConstraint(fields=["tournament", "number"], name="round_number_once")
        ]

    def __str__(self) -> str:
        return f"{self.tournament}: {self.number}"


class Pairing(models.Model):
    """One debate of a round: proposition against opposition in a room, with a ballot."""

    class Side(models.TextChoices):
        PROPOSITION = "proposition", _("proposition")
        OPPOSITION = "opposition", _("opposition")

    round = models.ForeignKey(
        Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="pairings"
    )
    proposition = models.ForeignKey(
        Team, verbose_name=_("proposition"), on_delete=models.CASCADE, related_name="+"
    )
    opposition = models.ForeignKey(
        Team, verbose_name=_("opposition"), on_delete=models.CASCADE, related_name="+"
    )
    room = models.ForeignKey(
        Space,
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    adjudicator = models.CharField(_("adjudicator"), max_length=80, blank=True)
    # The ballot's private link is derived from this (see ``ballots.py``).
    ballot_nonce = models.CharField(_("ballot link nonce"), max_length=32)
    winner = models.CharField(_("winner"), max_length=12, choices=Side.choices, blank=True)
    submitted_at = models.DateTimeField(_("ballot submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("pairing")
        verbose_name_plural = _("pairings")
        ordering = ["round", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(proposition=F("opposition")), name="pairing_two_teams"
            )
        ]

    def __str__(self) -> str:
        return f"{self.proposition} – {self.opposition}"


class SpeakerScore(models.Model):
    pairing = models.ForeignKey(
        Pairing, verbose_name=_("pairing"), on_delete=models.CASCADE, related_name="scores"
    )
    member = models.ForeignKey(
        Member, verbose_name=_("speaker"), on_delete=models.CASCADE, related_name="scores"
    )
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="+"
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(50), MaxValueValidator(100)]
    )

    class Meta:
        verbose_name = _("speaker score")
        verbose_name_plural = _("speaker scores")
        constraints = [models.UniqueConstraint(fields=["pairing", "member"], name="score_once")]

    def __str__(self) -> str:
        return f"{self.member}: {self.score}"
