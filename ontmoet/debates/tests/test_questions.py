"""Audience questions: asked from a phone, moderated against published criteria (approve,
merge, answered, reject with a reason), upvoted once per device; shown escaped; the public
moderation log gives counts and reasons, never rejected text."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework.test import APIClient

from ontmoet.debates import questions
from ontmoet.debates.models import Question

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
    asked = APIClient().post(url, {"text": "Waarom?"}, format="json")
    assert asked.status_code == 202
    assert APIClient().get(url).json() == []  # not approved yet
    q = Question.objects.get()
    questions.question_moderate(actor=maker, question=q, action="approve")
    [shown] = APIClient().get(url).json()
    assert shown["text"] == "Waarom?"
    upvote = f"{url}/{q.pk}/upvotes"
    assert APIClient().post(upvote, {"token": "phone-123456"}, format="json").status_code == 201
    assert APIClient().post(upvote, {"token": "phone-123456"}, format="json").status_code == 409
    too_long = APIClient().post(url, {"text": "x" * 281}, format="json")
    assert too_long.status_code == 400
    assert (
        APIClient()
        .post(f"{url}/999999/upvotes", {"token": "phone-123456"}, format="json")
        .status_code
        == 404
    )
