"""The moderator's page offers what the user may do and what can work: read-only staff see
the state without controls; a draft or cancelled activity has no hall pages to link to, and
a cancelled one no vote to open; questions on the board can be merged or taken off it; too
many speakers are a message, never cut short."""

import pytest
from django.core.exceptions import ValidationError

from ontmoet.debates import questions, services
from ontmoet.debates.models import Question
from ontmoet.programme.services import activity_cancel

from .conftest import rounds

CONTROLS = (
    'value="open-before"',
    'value="publish"',
    'value="question-approve"',
    'value="question-reject"',
    'value="question-merge"',
    'value="question-answered"',
    'value="save"',
)


def _page(client, debate) -> str:
    answer = client.get(f"/en/staff/activiteiten/{debate.activity_id}/debat")
    assert answer.status_code == 200
    return answer.content.decode()


def _approved(debate, maker, text):
    question = questions.question_ask(debate=debate, text=text)
    return questions.question_moderate(actor=maker, question=question, action="approve")


@pytest.mark.parametrize("who", ["maker", "reader"])
def test_only_who_may_edit_the_branch_sees_the_controls(client, debate, maker, who, request):
    questions.question_ask(debate=debate, text="Waar ligt de grens?")
    _approved(debate, maker, "Wie bepaalt dat?")
    _approved(debate, maker, "Geldt dat online ook?")
    client.force_login(request.getfixturevalue(who))
    page = _page(client, debate)
    for control in CONTROLS:
        assert (control in page) == (who == "maker"), control
    # Either way, the state: the rounds, the result, the questions and the speakers.
    assert "Waar ligt de grens?" in page and "Wie bepaalt dat?" in page
    assert "Anna, Bram" in page
    if who == "reader":
        assert "Before: not opened" in page and "The result is not published." in page


def test_a_reader_sees_an_open_round_as_open(client, debate, maker, reader):
    services.round_open(actor=maker, vote_round=rounds(debate)["before"])
    client.force_login(reader)
    page = _page(client, debate)
    assert "Before: open" in page and 'value="close-before"' not in page


@pytest.mark.parametrize("status", ["published", "draft", "cancelled"])
def test_hall_pages_are_linked_only_while_published(client, maker, make_activity, status):
    debate = services.debate_save(
        actor=maker, activity=make_activity(status=status), motion="Over grenzen"
    )
    client.force_login(maker)
    page = _page(client, debate)
    linked = f"/stem/{debate.join_code}" in page
    assert linked == (status == "published")
    assert ('id="hall-closed"' in page) == (status != "published")
    # A draft's vote can be tried out; a cancelled activity's cannot be opened.
    assert ('value="open-before"' in page) == (status != "cancelled")


def test_a_cancelled_activitys_vote_is_not_opened(client, debate, maker, central):
    activity_cancel(actor=central, activity=debate.activity, reason="Ziek")
    with pytest.raises(ValidationError) as refused:
        services.round_open(actor=maker, vote_round=rounds(debate)["before"])
    assert "round" in refused.value.message_dict
    client.force_login(maker)
    url = f"/en/staff/activiteiten/{debate.activity_id}/debat"
    answer = client.post(url, {"action": "open-before"}, follow=True)
    assert "The activity is cancelled: its vote cannot be opened." in answer.content.decode()
    assert not rounds(debate)["before"].opened_at


def test_a_round_open_when_the_activity_was_cancelled_can_be_closed(client, debate, maker, central):
    services.round_open(actor=maker, vote_round=rounds(debate)["before"])
    activity_cancel(actor=central, activity=debate.activity, reason="Ziek")
    client.force_login(maker)
    page = _page(client, debate)
    assert 'value="close-before"' in page and 'value="open-after"' not in page
    client.post(f"/staff/activiteiten/{debate.activity_id}/debat", {"action": "close-before"})
    assert rounds(debate)["before"].closed_at is not None


def test_questions_on_the_board_can_be_merged_or_taken_off_it(client, debate, maker):
    first = _approved(debate, maker, "Wie bepaalt de grens?")
    second = _approved(debate, maker, "Wie trekt de grens?")
    third = _approved(debate, maker, "Reclame voor mijn winkel")
    client.force_login(maker)
    page = _page(client, debate)  # nothing pending: only the board's own controls
    assert page.count('value="question-merge"') == 3 == page.count('value="question-reject"')
    assert f'id="board-into-{first.pk}"' in page
    url = f"/staff/activiteiten/{debate.activity_id}/debat"
    client.post(url, {"action": "question-merge", "question": second.pk, "into": first.pk})
    client.post(url, {"action": "question-reject", "question": third.pk, "reason": "advertising"})
    assert Question.objects.get(pk=second.pk).merged_into_id == first.pk
    assert Question.objects.get(pk=third.pk).status == Question.Status.REJECTED
    # One question left on the board: nothing to merge it with.
    page = _page(client, debate)
    assert 'value="question-merge"' not in page and 'value="question-reject"' in page


def test_too_many_speakers_are_a_message_not_cut_short(client, debate, maker):
    client.force_login(maker)
    url = f"/en/staff/activiteiten/{debate.activity_id}/debat"
    twelve = "\n".join(f"Spreker {n}" for n in range(12))
    answer = client.post(url, {"action": "save", "motion": "Nieuw", "speakers_for": twelve})
    page = answer.content.decode()
    assert answer.status_code == 200  # the form again, with the error at the field
    assert "At most 8 speakers per side; this list has 12." in page
    assert 'aria-invalid="true"' in page and "Spreker 11" in page  # nothing lost
    debate.refresh_from_db()
    assert debate.motion != "Nieuw" and debate.speakers_for == ["Anna", "Bram"]
    long_name = {"action": "save", "motion": "Nieuw", "speakers_against": "x" * 151}
    assert "at most 150 characters" in client.post(url, long_name).content.decode()
    with pytest.raises(ValidationError) as refused:
        services.debate_save(
            actor=maker, activity=debate.activity, motion="M", speakers_against=["A"] * 9
        )
    assert list(refused.value.message_dict) == ["speakers_against"]
    eight = "\n".join(f"Spreker {n}" for n in range(8))
    client.post(url, {"action": "save", "motion": "Nieuw", "speakers_for": eight})
    debate.refresh_from_db()
    assert len(debate.speakers_for) == 8
