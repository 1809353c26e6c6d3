"""Demo debate training: clubs in Schilderswijk and Transvaal with (made-up) pupils, a motion
bank, and a practice tournament of four teams — two rounds judged, the third paired and
waiting for its ballots. Through the training services; only when no club exists yet."""

import random

from ontmoet.programme.models import Activity, Theme
from ontmoet.training import services
from ontmoet.training.models import BankMotion, Club, Tournament
from ontmoet.venues.models import Branch

CLUBS = [
    ("schilderswijk", "Debatclub Schilderswijk", "Meester Ramon", "groep 8, Da Costaschool"),
    ("transvaal", "Jonge Debaters Transvaal", "Juf Sevda", "1e klas, Hofstad College"),
]
PUPILS = [
    "Aya",
    "Bilal",
    "Chaima",
    "Daan",
    "Emre",
    "Fatima",
    "Hamza",
    "Ilse",
    "Jayden",
    "Lina",
    "Mo",
    "Noor",
    "Sami",
    "Yasmina",
]
MOTIONS = [
    ("Mobiele telefoons horen niet in de klas", "digitale-vaardigheden"),
    ("Iedere school moet een moestuin hebben", "duurzaamheid"),
    ("Kinderen moeten mogen stemmen voor de gemeenteraad", "vrijheid"),
    ("Huiswerk moet worden afgeschaft", "leesbevordering"),
    ("De bibliotheek moet ook 's avonds laat open zijn", "leesbevordering"),
    ("Sociale media moeten pas vanaf zestien jaar", "digitale-vaardigheden"),
]
SEED = 20261126


def load_training(*, users: dict) -> int:
    if Club.objects.exists():
        return 0
    rng = random.Random(SEED)
    themes = {t.slug: t for t in Theme.objects.all()}
    bank = []
    for text, theme in MOTIONS:
        motion = BankMotion.objects.create(text=text)
        if theme in themes:
            motion.themes.add(themes[theme])
        bank.append(motion)
    branches = {b.slug: b for b in Branch.objects.all()}
    clubs = []
    for slug, name, coach, group in CLUBS:
        if slug not in branches:
            continue
        club = Club.objects.create(branch=branches[slug], name=name, coach=coach)
        club.sessions.set(
            Activity.objects.filter(branch=branches[slug], format__slug="debattraining")
        )
        actor = users.get(slug) or users["centraal"]
        members = [
            services.member_add(actor=actor, club=club, first_name=pupil, school_class=group)
            for pupil in rng.sample(PUPILS, 8)
        ]
        clubs.append((club, actor, members))
    if clubs:
        _tournament(*clubs[0], bank, rng)
    return len(clubs)


def _tournament(club, actor, members, bank, rng) -> None:
    tournament = Tournament.objects.create(club=club, name="Oefentoernooi najaar")
    for n, name in enumerate(["De Sprekers", "Woordkunst", "Het Laatste Woord", "Spuit 11"]):
        services.team_add(
            actor=actor, tournament=tournament, name=name, members=members[2 * n : 2 * n + 2]
        )
    for number in range(3):
        vote_round = services.round_pair(actor=actor, tournament=tournament, motion=bank[number])
        if number == 2:
            break  # the next round: paired, ballots to come
        for pairing in vote_round.pairings.all():
            winner = rng.choice(["proposition", "opposition"])
            scores = {}
            for side, team in (
                ("proposition", pairing.proposition),
                ("opposition", pairing.opposition),
            ):
                for member in team.members.all():
                    scores[member.pk] = rng.randint(66, 74) + (3 if side == winner else 0)
            services.ballot_submit(
                pairing=pairing, winner=winner, scores=scores, adjudicator="Jury (demo)"
            )
