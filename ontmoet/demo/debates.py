"""Demo debates: the motions and speakers of the freedom series (``content/debates.py``);
the past debates voted on before and after with their results published and a few audience
questions, the next one ready to run live in the hall. Through the debates' services, so
the totals are those of real ballots; only when no debate exists yet."""

from ontmoet.debates import questions, services
from ontmoet.debates.models import Debate
from ontmoet.programme.models import Activity

from .content.debates import MOTIONS, QUESTIONS

CHOICES = ("for", "against", "undecided")


def load_debates(*, actor) -> int:
    if Debate.objects.exists():
        return 0
    made = 0
    activities = Activity.objects.filter(series__slug="vrijheid-in-debat", title__in=MOTIONS)
    for activity in activities.order_by("starts_at"):
        motion, speakers_for, speakers_against, before, after = MOTIONS[activity.title]
        debate = services.debate_save(
            actor=actor,
            activity=activity,
            motion=motion,
            speakers_for=speakers_for,
            speakers_against=speakers_against,
            moderator="Esther Jansen (demo)",
        )
        if before and after:
            _vote(actor, debate, before, after)
            if made == 0:
                _questions(actor, debate)
        made += 1
    return made


def _vote(actor, debate: Debate, before, after) -> None:
    rounds = {r.kind: r for r in debate.rounds.all()}
    for kind, counts in (("before", before), ("after", after)):
        vote_round = services.round_open(actor=actor, vote_round=rounds[kind])
        voter = 0
        for choice, count in zip(CHOICES, counts, strict=True):
            for _ in range(count):
                voter += 1
                services.vote_cast(round_id=vote_round.pk, choice=choice, key=f"demo:{voter}")
        services.round_close(actor=actor, vote_round=vote_round)
    services.result_publish(actor=actor, debate=debate)


def _questions(actor, debate: Debate) -> None:
    for text, name, outcome, upvotes in QUESTIONS:
        question = questions.question_ask(debate=debate, text=text, first_name=name)
        action, _, reason = outcome.partition(":")
        if action == "rejected":
            questions.question_moderate(
                actor=actor, question=question, action="reject", reason=reason
            )
            continue
        questions.question_moderate(actor=actor, question=question, action="approve")
        for n in range(upvotes):
            question.refresh_from_db()
            questions.question_upvote(question=question, key=f"demo:{n}")
        if action == "answered":
            questions.question_moderate(actor=actor, question=question, action="answered")
