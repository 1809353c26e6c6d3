"""The co-programming pages speak English under /en/ (the site is bilingual): the partner
list, a partner's page, the idea form and an idea's status page; an English initiator's
form, mails and links stay English; the overview names themes in the page's language."""

import re

import pytest
from django.core import mail

from ontmoet.initiatives import services
from ontmoet.initiatives.links import status_token
from ontmoet.partners import services as partners
from ontmoet.partners.models import Partner

from .conftest import idea_data


@pytest.fixture
def partner(central, schilderswijk):
    return partners.partner_create(
        actor=central,
        data={"name": "Stichting Buurtkracht", "kind": Partner.Kind.NEIGHBOURHOOD},
        branches=[schilderswijk],
    )


def test_the_pages_in_english(client, partner, schilderswijk):
    idea = services.initiative_submit(data=idea_data(schilderswijk))
    pages = {
        "/en/partners": ["Our partners", "Neighbourhood initiative", "Works with"],
        f"/en/partners/{partner.slug}": ["Coming up together", "Nothing planned at the moment."],
        "/en/ideeen/nieuw": ["I have an idea", "Who is it for?", "Send my idea"],
        f"/en/idee/{status_token(idea)}": ["Your idea", "What you told us", "No messages yet."],
    }
    for url, texts in pages.items():
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200 and '<html lang="en">' in html, url
        for text in texts:
            assert text in html, (url, text)
        assert "Onze partners" not in html and "Ik heb een idee" not in html, url


def selected_language(html: str) -> list[str]:
    form = html[html.index('name="language"') :]
    return re.findall(r'<option value="(\w+)" selected>', form[: form.index("</select>")])


def test_the_idea_form_starts_on_the_language_of_the_page(db, client):
    assert selected_language(client.get("/en/ideeen/nieuw").content.decode()) == ["en"]
    assert selected_language(client.get("/ideeen/nieuw").content.decode()) == ["nl"]


def test_an_english_initiator_is_sent_links_to_english_pages(
    client, schilderswijk, maker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        english = services.initiative_submit(data=idea_data(schilderswijk, language="en"))
        dutch = services.initiative_submit(
            data=idea_data(schilderswijk, language="nl", initiator_email="an@example.org")
        )
        services.initiative_decide(
            actor=maker, initiative=english, status="declined", reason="Not this year."
        )
    received, received_nl, decided = mail.outbox
    for message in (received, decided):
        assert f"/en/idee/{status_token(english)}\n" in message.body, message.body
    assert re.search(rf"https?://[^/\s]+/idee/{status_token(dutch)}\n", received_nl.body)
    # Staff who pass the link on (read out on the phone) give the English page too.
    client.force_login(maker)
    page = client.get(f"/staff/ideeen/{english.pk}").content.decode()
    link = f"/en/idee/{status_token(english)}"
    assert re.search(rf'id="status-link" href="https?://[^"/]+{link}"', page)
    assert client.get(link).status_code == 200


def test_the_overview_names_themes_in_the_language_of_the_page(client, central, make_activity):
    make_activity(title="Over rechtvaardigheid")  # theme: Rechtvaardigheid / Justice
    client.force_login(central)
    english = client.get("/en/staff/ideeen/overzicht").content.decode()
    themes = english[english.index("per theme") :]
    assert ">Justice</th>" in themes and "Rechtvaardigheid" not in themes
    dutch = client.get("/staff/ideeen/overzicht").content.decode()
    assert ">Rechtvaardigheid</th>" in dutch
