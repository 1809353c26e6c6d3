"""Who reaches which partner page: the public list and page, the partner workspace (only
one's own partner's records), the staff pages (planners change, readers read). Also the
whole path of an invitation in the browser's place: the mail, the password, the workspace.
"""

import re

import pytest
from django.core import mail
from django.utils import timezone
from rest_framework.test import APIClient

from ontmoet.bookings.models import Booking, SpacePolicy
from ontmoet.partners import services
from ontmoet.partners.models import Agreement, Role
from ontmoet.registrations.models import Registration

from .conftest import contact_of


@pytest.fixture
def hosted(partner, other_partner, central, make_activity, transvaal):
    """A published activity of ``partner``, a draft of it, and one of ``other_partner``."""
    mine = make_activity(title="Buurtsoep", registration_mode="required", capacity=20)
    draft = make_activity(status="draft", title="Voorleesochtend")
    theirs = make_activity(branch=transvaal, title="Humanitas-spreekuur")
    for activity, who in ((mine, partner), (draft, partner), (theirs, other_partner)):
        services.activity_hosts_set(actor=central, activity=activity, hosts=[(who, Role.CONTENT)])
    return mine, draft, theirs


def test_public_list_page_and_api(client, partner, other_partner, central, hosted):
    services.partner_update(actor=central, partner=other_partner, data={"is_public": False})
    listing = client.get("/partners").content.decode()
    assert "Stichting Buurtkracht" in listing and "Humanitas" not in listing
    page = client.get(f"/partners/{partner.slug}")
    assert page.status_code == 200 and "Buurtsoep" in page.content.decode()
    assert "Voorleesochtend" not in page.content.decode()  # drafts are not public
    assert client.get(f"/partners/{other_partner.slug}").status_code == 404
    assert client.get("/partners/bestaat-niet").status_code == 404
    api = APIClient().get("/api/v1/partners?branch=schilderswijk").json()
    assert [p["name"] for p in api] == ["Stichting Buurtkracht"]
    assert api[0]["url"].endswith(f"/partners/{partner.slug}")
    assert APIClient().get("/api/v1/partners?kind=social").json() == []  # not public


def test_activity_page_and_jsonld_show_partners_with_roles(client, partner, central, hosted):
    mine = hosted[0]
    services.activity_hosts_set(actor=central, activity=mine, hosts=[(partner, Role.CO_ORGANISER)])
    html = client.get(mine.get_absolute_url()).content.decode()
    assert f'href="/partners/{partner.slug}"' in html
    jsonld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert '"Stichting Buurtkracht"' in jsonld.group(1) and "organizer" in jsonld.group(1)
    services.activity_hosts_set(actor=central, activity=mine, hosts=[(partner, Role.MEDIA)])
    html = client.get(mine.get_absolute_url()).content.decode()
    jsonld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert '"contributor"' in jsonld.group(1)


def test_workspace_shows_only_the_partners_own(client, contact, hosted, other_partner, central):
    mine, draft, theirs = hosted
    client.force_login(contact)
    home = client.get("/partner/").content.decode()
    assert "Buurtsoep" in home and "Voorleesochtend" in home and "Humanitas" not in home
    assert client.get(f"/partner/activiteiten/{mine.pk}").status_code == 200
    assert client.get(f"/partner/activiteiten/{draft.pk}/bewerken").status_code == 200
    for url in (
        f"/partner/activiteiten/{theirs.pk}",
        f"/partner/activiteiten/{theirs.pk}/bewerken",
        f"/partner/activiteiten/{mine.pk}/bewerken",  # published: the library's now
        "/partner/activiteiten/99999999",
        "/partner/activiteiten/99999999999999999999999",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/partner/activiteiten/{theirs.pk}/bewerken", {}).status_code == 404
    # Staff pages are not for partners.
    assert client.get("/staff/partners").status_code == 403
    assert client.get(f"/staff/activiteiten/{mine.pk}").status_code in (403, 404)
    # Another partner's contact sees the other set.
    other = contact_of(other_partner, central, email="jan@humanitas.example")
    client.force_login(other)
    assert client.get(f"/partner/activiteiten/{mine.pk}").status_code == 404
    assert client.get(f"/partner/activiteiten/{theirs.pk}").status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "maker", "reader", "central"])
def test_the_workspace_is_for_partner_contacts_only(client, who, hosted, request):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.get(f"/partner/activiteiten/{hosted[0].pk}")
    assert response.status_code == (302 if who == "anonymous" else 404)
    if who == "anonymous":
        assert response["Location"].startswith("/partner/inloggen")


def test_registrants_only_under_a_dpa(client, contact, partner, central, hosted):
    mine = hosted[0]
    Registration.objects.create(
        activity=mine, status="confirmed", seats=1, name="Nora Ramdin", email="n@example.org"
    )
    client.force_login(contact)
    page = client.get(f"/partner/activiteiten/{mine.pk}").content.decode()
    assert "Nora Ramdin" not in page
    services.agreement_add(
        actor=central,
        partner=partner,
        kind=Agreement.Kind.DPA,
        title="Verwerkersovereenkomst",
        starts_on=timezone.localdate(mine.starts_at),
    )
    Registration.objects.create(
        activity=mine, status="cancelled", seats=1, name="Piet Weg", email="p@example.org"
    )
    page = client.get(f"/partner/activiteiten/{mine.pk}").content.decode()
    assert "Nora Ramdin" in page and "Piet Weg" not in page  # only those still coming


def test_staff_pages_by_role(client, partner, hosted, maker, reader, central, transvaal):
    mine, _, theirs = hosted
    client.force_login(reader)
    assert client.get("/staff/partners").status_code == 200
    assert client.get(f"/staff/partners/{partner.slug}").status_code == 200
    assert client.get("/staff/partners/nieuw").status_code == 404
    invite = {"invite-name": "X", "invite-email": "x@example.org", "invite-language": "nl"}
    assert client.post(f"/staff/partners/{partner.slug}", invite).status_code == 404
    assert client.get(f"/staff/activiteiten/{mine.pk}/partners").status_code == 404
    client.force_login(maker)
    assert client.get(f"/staff/activiteiten/{mine.pk}/partners").status_code == 200
    assert client.get(f"/staff/activiteiten/{theirs.pk}/partners").status_code == 404
    assert client.get("/staff/series/vrijheid/partners").status_code == 404  # central only
    made = client.post(
        "/staff/partners/nieuw",
        {"name": "<script>alert(1)</script>", "kind": "other", "is_public": "on"},
    )
    assert made.status_code == 302
    page = client.get(made["Location"]).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_invitation_mail_password_and_workspace(
    client, partner, central, django_capture_on_commit_callbacks
):
    client.force_login(central)
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(
            f"/staff/partners/{partner.slug}",
            {"invite-name": "Sara", "invite-email": "sara@bk.example", "invite-language": "en"},
        )
    assert sent.status_code == 302
    [invitation] = mail.outbox
    assert "Stichting Buurtkracht" in invitation.subject and invitation.to == ["sara@bk.example"]
    link = re.search(r"http://\S+/partner/uitnodiging/\S+", invitation.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert path.startswith("en/partner/uitnodiging/")  # in the invitation's language
    client.logout()
    form = client.get(f"/{path}")
    assert form.status_code == 200
    weak = client.post(f"/{path}", {"new_password1": "kort", "new_password2": "kort"})
    assert weak.status_code == 400
    password = "een-lang-wachtwoord-42"
    done = client.post(f"/{path}", {"new_password1": password, "new_password2": password})
    assert done.status_code == 302 and done["Location"] == "/en/partner/"
    assert client.get("/en/partner/").status_code == 200
    client.logout()
    assert client.get(f"/{path}").status_code == 404  # used once
    assert client.login(username="sara@bk.example", password=password)


def test_propose_a_draft_and_ask_for_a_room(
    client, contact, partner, space, taxonomy, schilderswijk, tomorrow_at
):
    SpacePolicy.objects.update_or_create(
        space=space, defaults={"bookable_by": "partners", "max_hours": 4}
    )
    from ontmoet.venues.models import OpeningHours

    for weekday in range(7):
        OpeningHours.objects.create(
            branch=schilderswijk, weekday=weekday, opens="09:00", closes="21:00"
        )
    client.force_login(contact)
    start = tomorrow_at(14)
    made = client.post(
        "/partner/activiteiten/nieuw",
        {
            "title": "Buurtsoep",
            "summary": "Soep en verhalen.",
            "format": taxonomy["lecture"].pk,
            "branch": schilderswijk.pk,
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": tomorrow_at(16).strftime("%Y-%m-%dT%H:%M"),
            "registration_mode": "drop_in",
        },
    )
    assert made.status_code == 302, made.content.decode()[:2000]
    asked = client.post(
        "/partner/ruimte-aanvragen",
        {
            "space": space.pk,
            "day": tomorrow_at(10, 2).date().isoformat(),
            "start": "10:00",
            "end": "12:00",
            "title": "Vrijwilligersoverleg",
            "expected_people": 6,
        },
    )
    assert asked.status_code == 302, asked.content.decode()[:2000]
    request = Booking.objects.get(title="Vrijwilligersoverleg")
    assert (request.status, request.requester_organisation) == ("tentative", partner.name)
    assert request.requester_partner == partner
    assert request.requester_email == contact.email
    assert "Vrijwilligersoverleg" in client.get("/partner/").content.decode()
    # Renamed, the partner still finds its requests (they hang on the partner, not a name).
    partner.name = "Stichting Buurtkracht Den Haag"
    partner.save()
    assert "Vrijwilligersoverleg" in client.get("/partner/").content.decode()


def test_a_contact_resets_a_forgotten_password(client, contact):
    sent = client.post("/partner/wachtwoord", {"email": contact.email})
    assert sent.status_code == 302 and sent["Location"].endswith("/partner/wachtwoord/verstuurd")
    [reset] = mail.outbox
    link = re.search(r"https?://\S+(/partner/wachtwoord/\S+)", reset.body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    new = "een-nieuw-wachtwoord-77"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    assert client.login(username=contact.username, password=new)
    client.logout()
    unknown = client.post("/partner/wachtwoord", {"email": "niemand@example.org"})
    assert unknown.status_code == 302 and len(mail.outbox) == 1  # the same answer, no mail


@pytest.mark.parametrize("path", ["/staff/partners/{slug}", "/staff/partners/{slug}/bewerken"])
def test_staff_partner_pages_ask_for_login_before_looking_up(client, partner, contact, path):
    """Whether a slug exists is not told to those the back office is closed to."""
    real, missing = path.format(slug=partner.slug), path.format(slug="bestaat-niet")
    for url in (real, missing):
        response = client.get(url)
        assert response.status_code == 302 and "/staff/login" in response["Location"], url
    client.force_login(contact)
    assert client.get(real).status_code == client.get(missing).status_code == 403


def test_saving_the_co_hosts_again_keeps_a_former_partner(
    client, partner, other_partner, central, make_activity
):
    activity = make_activity()
    services.activity_hosts_set(actor=central, activity=activity, hosts=[(partner, Role.CONTENT)])
    services.partner_update(actor=central, partner=partner, data={"is_active": False})
    client.force_login(central)
    url = f"/staff/activiteiten/{activity.pk}/partners"
    form = client.get(url).content.decode()
    assert re.search(rf'<option value="{partner.pk}" selected>Stichting Buurtkracht', form)
    saved = client.post(
        url,
        {
            "partner_0": partner.pk,
            "role_0": Role.CONTENT,
            "partner_1": other_partner.pk,
            "role_1": Role.FUNDER,
        },
    )
    assert saved.status_code == 302
    hosts = sorted(activity.hosts.values_list("partner__name", "role"))
    assert hosts == [("Humanitas Den Haag", "funder"), ("Stichting Buurtkracht", "content")]
    # A former partner is not offered for a new link.
    other = make_activity(title="Ander")
    refused = client.post(
        f"/staff/activiteiten/{other.pk}/partners", {"partner_0": partner.pk, "role_0": "media"}
    )
    assert refused.status_code == 200 and not other.hosts.exists()


def test_inviting_an_accepted_contact_again_says_what_to_do(client, partner, contact, central):
    client.force_login(central)
    again = client.post(
        f"/staff/partners/{partner.slug}",
        {"invite-name": "Sara", "invite-email": contact.email, "invite-language": "nl"},
    )
    assert again.status_code == 400
    assert "Wachtwoord vergeten?" in again.content.decode()
    assert not mail.outbox
