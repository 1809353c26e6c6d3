"""The co-programming pages speak English under /en/ (the site is bilingual): the partner
list, a partner's page, the idea form and an idea's status page."""

import pytest

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
