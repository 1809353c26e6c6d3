import pytest

from ontmoet.debates import services


@pytest.fixture
def debate(make_activity, maker):
    activity = make_activity(title="Vrijheid van meningsuiting", capacity=100)
    return services.debate_save(
        actor=maker,
        activity=activity,
        motion="Vrijheid van meningsuiting mag geen grenzen kennen",
        speakers_for=["Anna", " ", "Bram"],
        speakers_against=["Cem"],
        moderator="Dewi",
    )


def rounds(debate):
    return {r.kind: r for r in debate.rounds.all()}
