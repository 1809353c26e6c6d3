import re

import pytest
from django.core import mail

from ontmoet.registrations.models import Registration

pytestmark = pytest.mark.django_db


def ask(client, email, **extra):
    return client.post("/mijn-aanmeldingen", {"email": email, **extra})


def test_same_answer_for_known_and_unknown_addresses(client, event, register):
    register(event(), email="ada@example.org")
    mail.outbox.clear()
    known = ask(client, "ADA@example.org")
    unknown = ask(client, "nobody@example.org")
    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ada@example.org"]


def test_link_lists_opens_and_erases(client, event, register):
    holder = register(event(capacity=1), email="ada@example.org", needs=("wheelchair",))
    waiting = register(holder.activity, email="bob@example.org")
    mail.outbox.clear()
    ask(client, "ada@example.org")
    link = re.search(r"http://\S+/mijn-aanmeldingen/\S+", mail.outbox[0].body).group(0)
    path = link.split("8000", 1)[1] if "8000" in link else link
    page = client.get(path)
    assert page.status_code == 200 and holder.activity.title.encode() in page.content
    opened = client.post(f"{path}/{holder.pk}")
    assert opened.status_code == 302 and "/aanmelding/" in opened["Location"]
    assert client.post(f"{path}/{waiting.pk}").status_code == 404  # not this address's
    client.post(f"{path}/wissen")
    holder.refresh_from_db()
    waiting.refresh_from_db()
    assert holder.status == "cancelled" and holder.email == "" and holder.needs == []
    assert waiting.status == "confirmed"  # the freed place went on
    assert client.get(opened["Location"]).status_code == 404  # its links are gone


def test_forged_or_expired_link_is_404(client):
    assert client.get("/mijn-aanmeldingen/ada@example.org:abc:def").status_code == 404


def test_lookup_is_rate_limited(client, event, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "lookup-email": (2, 3600)}
    for _ in range(2):
        assert ask(client, "ada@example.org").status_code == 200
    assert ask(client, "ada@example.org").status_code == 429
    assert Registration.objects.count() == 0
