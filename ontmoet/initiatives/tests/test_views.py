"""The idea's path through the pages: the public form, the status link, support on the
public page of ideas; the board's pages by role; the overview; the API. Other people's
ideas are a 404, also when guessing ids or links; text is always shown escaped."""

import re

import pytest
from rest_framework.test import APIClient

from conftest import make_user
from ontmoet.initiatives import services
from ontmoet.initiatives.links import status_token
from ontmoet.initiatives.models import Initiative

from .conftest import idea_data


def form_data(branch, **extra):
    data = {k: v for k, v in idea_data(branch).items() if v is not None}
    data["branch"] = branch.pk
    data.update(extra)
    return {k: v for k, v in data.items() if v is not False}


def acceptance(draft) -> dict:
    """The board's decision form, accepting the idea as the ``draft`` activity (no room)."""
    return {
        "action": "decide",
        "decide-status": "accepted",
        "decide-reason": "Leuk plan!",
        "decide-format": draft["format"].pk,
        "decide-branch": draft["branch"].pk,
        "decide-starts_at": draft["starts_at"].strftime("%Y-%m-%dT%H:%M"),
        "decide-ends_at": draft["ends_at"].strftime("%Y-%m-%dT%H:%M"),
    }


def test_the_public_form_and_status_page(client, schilderswijk):
    page = client.get("/ideeen/nieuw")
    assert page.status_code == 200 and 'name="website"' in page.content.decode()
    sent = client.post("/ideeen/nieuw", form_data(schilderswijk))
    assert sent.status_code == 200
    idea = Initiative.objects.get()
    link = f"/idee/{status_token(idea)}"
    assert link in sent.content.decode()
    status = client.get(link)
    assert status.status_code == 200 and status["X-Robots-Tag"] == "noindex, nofollow"
    answered = client.post(link, {"text": "Ik kan ook op vrijdag."})
    assert answered.status_code == 302 and idea.messages.get().author == "initiator"
    bad = client.post("/ideeen/nieuw", form_data(schilderswijk, initiator_email="geen"))
    assert bad.status_code == 400 and Initiative.objects.count() == 1
    bot = client.post("/ideeen/nieuw", form_data(schilderswijk, website="http://spam"))
    assert bot.status_code == 200 and Initiative.objects.count() == 1


@pytest.mark.parametrize(
    "token",
    ["1-00000000000000000000000000000000", "abc", "1", "99999999999999999999-x", "-"],
)
def test_guessed_status_links_are_404(client, idea, token):
    assert client.get(f"/idee/{token}").status_code == 404


def test_the_form_is_rate_limited(client, schilderswijk, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "idea-email": (2, 86400)}
    for _ in range(2):
        client.post("/ideeen/nieuw", form_data(schilderswijk))
    assert client.post("/ideeen/nieuw", form_data(schilderswijk)).status_code == 429


def test_malicious_text_is_stored_and_shown_escaped(client, maker, schilderswijk):
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    idea = services.initiative_submit(
        data=idea_data(schilderswijk, title=evil[:200], description=evil * 20)
    )
    services.initiative_message_add(initiative=idea, text=evil)
    for url, who in ((f"/idee/{status_token(idea)}", None), (f"/staff/ideeen/{idea.pk}", maker)):
        if who:
            client.force_login(who)
        html = client.get(url).content.decode()
        assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert Initiative.objects.get().title == evil[:200]  # stored as given


def test_support_on_the_public_page(client, idea, maker):
    assert "Repair café" not in client.get("/ideeen").content.decode()
    assert client.post(f"/ideeen/{idea.pk}/meedoen").status_code == 404  # not open
    services.initiative_support_open(actor=maker, initiative=idea, is_open=True)
    assert "Repair café" in client.get("/ideeen").content.decode()
    client.post(f"/ideeen/{idea.pk}/meedoen")
    client.post(f"/ideeen/{idea.pk}/meedoen")  # the same browser: counted once
    idea.refresh_from_db()
    assert idea.supporters == 1
    assert "Dank je wel" in client.get("/ideeen").content.decode()
    assert "yusuf" not in client.get("/ideeen").content.decode().lower()  # no initiator


@pytest.mark.parametrize(
    ("who", "queue", "detail", "act"),
    [
        ("anonymous", 302, 302, 302),
        ("maker", 200, 200, 302),  # their branch
        ("other_maker", 200, 404, 404),
        ("reader", 200, 200, 404),
        ("central", 200, 200, 302),
        ("contact", 403, 403, 403),
    ],
)
def test_board_pages_by_role(client, idea, who, queue, detail, act, request, transvaal):
    users = {
        "maker": lambda: request.getfixturevalue("maker"),
        "reader": lambda: request.getfixturevalue("reader"),
        "central": lambda: request.getfixturevalue("central"),
        "other_maker": lambda: make_user("ander", role="programme_maker", branches=[transvaal]),
        "contact": lambda: make_user("partnercontact"),
    }
    if who in users:
        client.force_login(users[who]())
    assert client.get("/staff/ideeen").status_code == queue
    assert client.get(f"/staff/ideeen/{idea.pk}").status_code == detail
    message = {"action": "message", "message-text": "Een vraag"}
    assert client.post(f"/staff/ideeen/{idea.pk}", message).status_code == act
    if who == "other_maker":
        assert "Repair café" not in client.get("/staff/ideeen").content.decode()


def test_the_board_accepts_an_idea_into_a_draft(client, idea, maker, draft):
    client.force_login(maker)
    url = f"/staff/ideeen/{idea.pk}"
    review = {"action": "review", "review-non_commercial": "on", "review-notes": "Prima."}
    assert client.post(url, review).status_code == 302
    no_reason = {"action": "decide", "decide-status": "declined"}
    assert client.post(url, no_reason).status_code == 400
    accept = acceptance(draft) | {"decide-space": draft["space"].pk}
    assert client.post(url, accept).status_code == 302
    idea.refresh_from_db()
    assert idea.status == "accepted" and idea.activity.status == "draft"
    status = client.get(f"/idee/{status_token(idea)}").content.decode()
    assert "Leuk plan!" in status


def test_overview_counts(client, idea, maker, central, make_activity):
    services.initiative_decide(actor=maker, initiative=idea, status="parked", reason="Later.")
    make_activity()
    client.force_login(central)
    page = client.get("/staff/ideeen/overzicht")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Bibliotheek Schilderswijk" in html and "0% (1)" in html


def test_the_api(schilderswijk, settings):
    body = {
        "title": "Schaakclub",
        "description": "Wekelijks schaken voor jong en oud.",
        "audience": "Iedereen",
        "branch": schilderswijk.slug,
        "name": "Kees",
        "email": "kees@example.org",
    }
    made = APIClient().post("/api/v1/initiatives", body, format="json")
    assert made.status_code == 201 and made.json()["status"] == "new"
    assert Initiative.objects.get().language == "nl"
    assert "/idee/" in made.json()["status_url"]
    assert (
        APIClient().post("/api/v1/initiatives", {**body, "email": "x"}, format="json").status_code
        == 400
    )
    long = APIClient().post(
        "/api/v1/initiatives", {**body, "description": "x" * 5000}, format="json"
    )
    assert long.status_code == 400 and Initiative.objects.count() == 1
    english = {**body, "email": "english@example.org", "title": "Reading club"}
    sent = APIClient().post(
        "/api/v1/initiatives", english, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert sent.status_code == 201 and "/en/idee/" in sent.json()["status_url"]
    assert Initiative.objects.get(title="Reading club").language == "en"
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "idea-email": (1, 86400)}
    assert APIClient().post("/api/v1/initiatives", body, format="json").status_code == 429


def test_queue_filters_ignore_what_is_not_a_branch(client, idea, central):
    client.force_login(central)
    for query in ("branch=%00", "branch=nergens", "status=%00", "branch=schilderswijk"):
        page = client.get(f"/staff/ideeen?{query}")
        assert page.status_code == 200, query


def test_the_staff_page_gives_the_status_link_again(client, maker, reader, schilderswijk):
    client.force_login(maker)
    entered = client.post(
        "/staff/ideeen/nieuw",
        {**form_data(schilderswijk, initiator_email=""), "initiator_phone": "070 123 45 67"}
        | {"channel": "phone"},
        follow=True,
    )
    idea = Initiative.objects.get()
    link = f"/idee/{status_token(idea)}"
    assert entered.status_code == 200
    page = client.get(f"/staff/ideeen/{idea.pk}").content.decode()  # later, without the flash
    assert re.search(rf'id="status-link" href="https?://[^"/]+{link}"', page)
    client.force_login(reader)  # sees the idea, does not act for it: no link
    assert link not in client.get(f"/staff/ideeen/{idea.pk}").content.decode()
    client.logout()
    assert client.get(link).status_code == 200


def _open_for_support(idea, maker):
    services.initiative_support_open(actor=maker, initiative=idea, is_open=True)


def test_support_has_a_honeypot(client, idea, maker):
    _open_for_support(idea, maker)
    client.get("/ideeen")
    bot = client.post(f"/ideeen/{idea.pk}/meedoen", {"website": "http://spam.example"})
    assert bot.status_code == 302
    idea.refresh_from_db()
    assert idea.supporters == 0
    assert 'name="website"' in client.get("/ideeen").content.decode()


def test_a_client_without_a_cookie_of_ours_counts_once(client, idea, maker):
    _open_for_support(idea, maker)
    for n in range(3):
        client.cookies.clear()  # keeps no cookie ...
        client.post(f"/ideeen/{idea.pk}/meedoen")
        client.cookies["ontmoet_support"] = f"zelfbedacht-{n}"  # ... or makes one up
        client.post(f"/ideeen/{idea.pk}/meedoen")
    idea.refresh_from_db()
    assert idea.supporters == 1


def test_browsers_sharing_an_address_count_each(idea, maker):
    from django.test import Client

    _open_for_support(idea, maker)
    for _ in range(2):
        browser = Client()  # the same address (the library's wifi), each with its own id
        assert browser.get("/ideeen").cookies["ontmoet_support"]["httponly"]
        browser.post(f"/ideeen/{idea.pk}/meedoen")
        browser.post(f"/ideeen/{idea.pk}/meedoen")
        assert "Dank je wel" in browser.get("/ideeen").content.decode()
    idea.refresh_from_db()
    assert idea.supporters == 2


def read_as_text(html: str) -> str:
    """The page as text, each element apart (as tools and some assistive technology read
    it): tags become spaces."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_conversation_line_reads_name_comma_date(client, idea, maker):
    services.initiative_message_add(initiative=idea, text="Welke zaterdag?", actor=maker)
    services.initiative_message_add(initiative=idea, text="De eerste.")
    public = read_as_text(client.get(f"/idee/{status_token(idea)}").content.decode())
    assert "De bibliotheek, " in public and "De initiatiefnemer, " in public
    client.force_login(maker)
    staff = read_as_text(client.get(f"/staff/ideeen/{idea.pk}").content.decode())
    assert "maker, " in staff and "De initiatiefnemer, " in staff
    assert " , " not in public and " , " not in staff


def test_the_staff_form_speaks_of_the_initiator(client, maker, schilderswijk):
    client.force_login(maker)
    page = client.get("/en/staff/ideeen/nieuw").content.decode()
    for label in ("The initiator's name", "The initiator's phone number", "What is the idea?"):
        assert label.replace("'", "&#x27;") in page, label
    assert "Your phone number" not in page and "What is your idea?" not in page
    assert "Je telefoonnummer" not in client.get("/staff/ideeen/nieuw").content.decode()
    nothing = {**form_data(schilderswijk, initiator_email=""), "channel": "phone"}
    refused = client.post("/en/staff/ideeen/nieuw", nothing)
    assert refused.status_code == 200 and not Initiative.objects.exists()
    assert "Give the initiator&#x27;s email address or phone number." in refused.content.decode()
    # The resident's own form keeps speaking to them.
    public = client.get("/en/ideeen/nieuw").content.decode()
    assert "Your phone number (optional)" in public


def test_an_accepted_idea_shows_the_branch_it_was_accepted_for(client, central, draft):
    idea = services.initiative_submit(data=idea_data())  # names no branch
    client.force_login(central)
    accept = acceptance(draft)
    assert client.post(f"/staff/ideeen/{idea.pk}", accept).status_code == 302
    page = client.get(f"/staff/ideeen/{idea.pk}").content.decode()
    assert "geen vestiging gekozen" not in page and "Bibliotheek Schilderswijk" in page
    overview = client.get("/staff/ideeen/overzicht").content.decode()
    assert 'scope="row">—</th>' not in overview
    assert 'scope="row">Bibliotheek Schilderswijk</th>' in overview
