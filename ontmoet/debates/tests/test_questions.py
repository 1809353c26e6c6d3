"""Audience questions: asked from a phone, moderated against published criteria (approve,
merge, answered, reject with a reason), upvoted once per device; shown escaped; the public
moderation log gives counts and reasons, never rejected text."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework.test import APIClient

from ontmoet.debates import questions
from ontmoet.debates.models import Question, QuestionUpvote

EVIL = '<script>alert("x")</script>'


def test_ask_moderate_and_upvote(debate, maker, reader):
    q = questions.question_ask(debate=debate, text="  Waar  ligt de grens?  ", first_name="Sam")
    assert (q.text, q.status) == ("Waar ligt de grens?", "pending")
    assert not questions.question_upvote(question=q, key="device:a")  # not approved yet
    with pytest.raises(ValidationError):
        questions.question_ask(debate=debate, text="x" * 281)
    with pytest.raises(ValidationError):
        questions.question_ask(debate=debate, text="   ")
    with pytest.raises(PermissionDenied):
        questions.question_moderate(actor=reader, question=q, action="approve")
    questions.question_moderate(actor=maker, question=q, action="approve")
    assert questions.question_upvote(question=Question.objects.get(pk=q.pk), key="device:a")
    assert not questions.question_upvote(question=Question.objects.get(pk=q.pk), key="device:a")
    twin = questions.question_ask(debate=debate, text="Wat is de grens?")
    questions.question_moderate(actor=maker, question=twin, action="approve")
    questions.question_upvote(question=Question.objects.get(pk=twin.pk), key="device:b")
    questions.question_moderate(
        actor=maker, question=twin, action="merge", into=Question.objects.get(pk=q.pk)
    )
    assert Question.objects.get(pk=q.pk).upvotes == 2  # the support moved along
    with pytest.raises(ValidationError):
        questions.question_moderate(actor=maker, question=q, action="reject", reason="boring")
    spam = questions.question_ask(debate=debate, text=EVIL)
    questions.question_moderate(actor=maker, question=spam, action="reject", reason="abusive")
    assert [x.pk for x in questions.board(debate)] == [q.pk]
    log = questions.moderation_log(debate)
    assert [n for _label, n in log["reasons"]] == [0, 1, 0, 0, 0]  # "abusive" once


def test_pages_escape_and_keep_rejected_text_private(client, debate, maker):
    code = debate.join_code
    client.post(f"/stem/{code}/vragen", {"text": EVIL, "first_name": "<b>Bo</b>"})
    client.post(f"/stem/{code}/vragen", {"text": "Geheime vraag"})
    q, secret = Question.objects.order_by("pk")
    questions.question_moderate(actor=maker, question=q, action="approve")
    questions.question_moderate(actor=maker, question=secret, action="reject", reason="private")
    for url in (f"/stem/{code}", f"/stem/{code}/scherm"):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html and "&lt;script&gt;" in html and "<b>Bo" not in html
    log = client.get(f"/stem/{code}/moderatie").content.decode()
    assert "Geheime vraag" not in log  # counts and reasons only, not the text
    client.post(f"/stem/{code}/vragen/{q.pk}/steun")
    client.post(f"/stem/{code}/vragen/{q.pk}/steun")
    q.refresh_from_db()
    assert q.upvotes == 1
    assert client.post(f"/stem/{code}/vragen/{secret.pk}/steun").status_code == 302
    secret.refresh_from_db()
    assert secret.upvotes == 0  # rejected: no upvotes


def test_moderator_queue(client, debate, maker):
    q = questions.question_ask(debate=debate, text="Mag alles gezegd worden?")
    client.force_login(maker)
    url = f"/staff/activiteiten/{debate.activity_id}/debat"
    assert "Mag alles gezegd worden?" in client.get(url).content.decode()
    client.post(url, {"action": "question-approve", "question": q.pk})
    q.refresh_from_db()
    assert q.status == "approved"
    client.post(url, {"action": "question-answered", "question": q.pk})
    q.refresh_from_db()
    assert q.status == "answered"
    assert client.post(url, {"action": "question-approve", "question": 999999}).status_code == 404


def test_questions_api(debate, maker):
    url = f"/api/v1/debates/{debate.activity_id}/questions"
    code = debate.join_code.lower()  # any case
    asked = APIClient().post(url, {"text": "Waarom?", "code": code}, format="json")
    assert asked.status_code == 202
    assert APIClient().get(url).json() == []  # not approved yet
    q = Question.objects.get()
    questions.question_moderate(actor=maker, question=q, action="approve")
    [shown] = APIClient().get(url).json()
    assert shown["text"] == "Waarom?"
    upvote = f"{url}/{q.pk}/upvotes"
    phone = {"token": "phone-123456", "code": code}
    assert APIClient().post(upvote, phone, format="json").status_code == 201
    assert APIClient().post(upvote, phone, format="json").status_code == 409
    too_long = APIClient().post(url, {"text": "x" * 281, "code": code}, format="json")
    assert too_long.status_code == 400
    assert APIClient().post(f"{url}/999999/upvotes", phone, format="json").status_code == 404


def test_only_the_hall_asks_and_upvotes_over_the_api(debate, maker):
    """The join code is what the hall sees on the screen; the activity's id is public."""
    url = f"/api/v1/debates/{debate.activity_id}/questions"
    q = questions.question_ask(debate=debate, text="Waarom?")
    questions.question_moderate(actor=maker, question=q, action="approve")
    upvote = f"{url}/{q.pk}/upvotes"
    for body, target in (({"text": "Van buiten"}, url), ({"token": "phone-123456"}, upvote)):
        assert APIClient().post(target, body, format="json").status_code == 400
        wrong = APIClient().post(target, {**body, "code": "ZZZZZ"}, format="json")
        assert wrong.status_code == 403
    assert Question.objects.count() == 1
    assert Question.objects.get().upvotes == 0


def test_each_question_is_moderated_once(debate, maker):
    """Merging a merged question used to hand its upvotes over again."""
    board, twin = (questions.question_ask(debate=debate, text=t) for t in ("Waarom?", "Hoezo?"))
    for q in (board, twin):
        questions.question_moderate(actor=maker, question=q, action="approve")
    for n in range(2):
        questions.question_upvote(question=Question.objects.get(pk=twin.pk), key=f"device:{n}")
    questions.question_moderate(actor=maker, question=twin, action="merge", into=board)
    assert Question.objects.get(pk=board.pk).upvotes == 2
    pending = questions.question_ask(debate=debate, text="Nog niet bekeken?")
    refused = [
        (twin, "merge", {"into": board}),  # merged already
        (twin, "approve", {}),
        (pending, "answered", {}),  # not on the board
        (board, "merge", {"into": pending}),  # only into a question on the board
        (board, "approve", {}),  # approved already
    ]
    for question, action, extra in refused:
        with pytest.raises(ValidationError):
            questions.question_moderate(actor=maker, question=question, action=action, **extra)
    assert Question.objects.get(pk=board.pk).upvotes == 2
    questions.question_moderate(actor=maker, question=pending, action="reject", reason="unclear")
    with pytest.raises(ValidationError):
        questions.question_moderate(actor=maker, question=pending, action="approve")
    questions.question_moderate(actor=maker, question=board, action="answered")
    assert Question.objects.get(pk=board.pk).status == "answered"


def test_nul_bytes_are_refused_with_a_message(client, debate, maker):
    """PostgreSQL refuses NUL in text: it must be a message, never a 500."""
    url = f"/stem/{debate.join_code}/vragen"
    for data in ({"text": "Waar\x00om?"}, {"text": "Waarom?", "first_name": "S\x00m"}):
        answer = client.post(url, data)  # the page again, with the message at the field
        page = answer.content.decode()
        assert answer.status_code == 400 and "Null-tekens" in page and "\x00" not in page
    api = APIClient().post(
        f"/api/v1/debates/{debate.activity_id}/questions", {"text": "a\x00"}, format="json"
    )
    assert api.status_code == 400
    with pytest.raises(ValidationError):
        questions.question_ask(debate=debate, text="Waarom?", first_name="\x00")
    assert not Question.objects.exists()
    client.force_login(maker)
    staff = f"/staff/activiteiten/{debate.activity_id}/debat"
    form = {"action": "save", "motion": "Stelling", "speakers_for": "Anna\n\x00Bram"}
    assert client.post(staff, form).status_code == 200  # the form again, with the error
    debate.refresh_from_db()
    assert debate.speakers_for == ["Anna", "Bram"]


def _approved(debate, maker, text):
    question = questions.question_ask(debate=debate, text=text)
    return questions.question_moderate(actor=maker, question=question, action="approve")


def test_a_merge_counts_each_device_once(debate, maker):
    board, twin = _approved(debate, maker, "Waarom?"), _approved(debate, maker, "Hoezo?")
    for device in ("a", "b"):  # these two upvoted both
        for q in (board, twin):
            questions.question_upvote(question=Question.objects.get(pk=q.pk), key=device)
    questions.question_upvote(question=Question.objects.get(pk=twin.pk), key="c")
    questions.question_moderate(actor=maker, question=twin, action="merge", into=board)
    assert Question.objects.get(pk=board.pk).upvotes == 3  # a, b and c
    assert QuestionUpvote.objects.filter(question=board).count() == 3
    assert not QuestionUpvote.objects.filter(question=twin).exists()
    assert not questions.question_upvote(question=Question.objects.get(pk=board.pk), key="c")


def test_upvote_receipts_are_erased_after_the_evening(debate, maker):
    q = _approved(debate, maker, "Waarom?")
    questions.question_upvote(question=q, key="ticket:ABCDEFGH")
    ended = debate.activity.ends_at
    assert questions.erase_upvote_receipts(now=ended) == 0  # the evening may run late
    later = ended + questions.UPVOTES_KEPT
    assert questions.erase_upvote_receipts(now=later) == 1
    assert not QuestionUpvote.objects.exists()
    assert Question.objects.get(pk=q.pk).upvotes == 1  # the count stays


def test_a_refused_question_keeps_its_text_and_names_the_field(client, debate):
    url = f"/en/stem/{debate.join_code}/vragen"
    long_name = {"text": "Waar ligt <de> grens?", "first_name": "S" * 41}
    answer = client.post(url, long_name)
    page = answer.content.decode()
    assert answer.status_code == 400
    assert ">Waar ligt &lt;de&gt; grens?</textarea>" in page  # kept, and escaped
    assert f'value="{"S" * 41}"' in page
    assert "Your first name: Your first name can be at most 40 characters." in page
    assert 'href="#question-first_name"' in page and 'id="question-first_name"' in page
    too_long = client.post(url, {"text": "Waarom " * 41, "first_name": "Sam"})
    page = too_long.content.decode()
    assert too_long.status_code == 400 and "At most 280 characters" in page
    assert "Waarom Waarom" in page and 'value="Sam"' in page
    assert 'aria-invalid="true" required>' in page  # the question's field is marked
    empty = client.post(url, {"text": "   ", "first_name": "Sam"})
    assert empty.status_code == 400 and 'value="Sam"' in empty.content.decode()
    assert not Question.objects.exists()
    # A question that is taken goes back to the page, empty for the next one.
    asked = client.post(url, {"text": "Waarom?"})
    assert asked.status_code == 302 and asked["Location"].endswith("#questions")


def test_an_upvote_says_whether_it_counted(client, debate, maker):
    question = _approved(debate, maker, "Waarom?")
    url = f"/en/stem/{debate.join_code}/vragen/{question.pk}/steun"
    first = client.post(url, follow=True).content.decode()
    assert "Thank you: your support for this question is counted." in first
    again = client.post(url, follow=True).content.decode()
    assert "You support this question already: it counts once." in again
    questions.question_moderate(actor=maker, question=question, action="answered")
    gone = client.post(url, follow=True).content.decode()
    assert "This question is not on the board (any more)." in gone
    assert Question.objects.get(pk=question.pk).upvotes == 1
