"""The tournament's staff page by role, pairing from it, and the adjudicator's ballot page
through its private link (once; bad scores refused)."""

import pytest

from conftest import make_user
from ontmoet.training.ballots import ballot_token
from ontmoet.training.models import Club, Pairing

from .test_services import make_tournament


@pytest.fixture
def tournament(schilderswijk, maker):
    club = Club.objects.create(branch=schilderswijk, name="Debatclub Schilderswijk")
    return make_tournament(club, maker, teams=2)


@pytest.mark.parametrize(("who", "get", "post"), [("maker", 200, 302), ("reader", 200, 404)])
def test_staff_page_by_role(client, tournament, who, get, post, request):
    client.force_login(request.getfixturevalue(who))
    url = f"/staff/debattraining/toernooi/{tournament.pk}"
    assert client.get(url).status_code == get
    assert client.post(url, {"action": "pair"}).status_code == post
    assert Pairing.objects.exists() == (who == "maker")


def test_other_branches_do_not_see_it(client, tournament, transvaal):
    client.force_login(make_user("ander", role="programme_maker", branches=[transvaal]))
    assert client.get(f"/staff/debattraining/toernooi/{tournament.pk}").status_code == 404
    assert "Debatclub" not in client.get("/staff/debattraining").content.decode()


def test_the_ballot_page(client, tournament, maker):
    client.force_login(maker)
    client.post(f"/staff/debattraining/toernooi/{tournament.pk}", {"action": "pair"})
    client.logout()
    pairing = Pairing.objects.get()
    url = f"/jurering/{ballot_token(pairing)}"
    assert client.get(url).status_code == 200
    assert client.get(url[:-2] + "00").status_code == 404
    speakers = [m for t in (pairing.proposition, pairing.opposition) for m in t.members.all()]
    bad = {"winner": "proposition", **{f"score-{m.pk}": "200" for m in speakers}}
    assert client.post(url, bad).status_code == 400
    good = {
        "winner": "opposition",
        "adjudicator": "Jury",
        **{f"score-{m.pk}": "72" for m in speakers},
    }
    assert client.post(url, good).status_code == 302
    pairing.refresh_from_db()
    assert pairing.winner == "opposition" and pairing.scores.count() == 4
    assert client.post(url, good).status_code == 200  # already in: shown, not counted again
    assert pairing.scores.count() == 4


def test_a_coach_runs_the_club_from_the_staff_pages(client, maker, schilderswijk, transvaal):
    client.force_login(maker)
    other = client.post("/staff/debattraining", {"name": "Elders", "branch": transvaal.pk})
    assert other.status_code == 400  # not a branch this maker plans for
    made = client.post(
        "/staff/debattraining", {"name": "Debatclub", "branch": schilderswijk.pk, "coach": "Ramon"}
    )
    assert made.status_code == 302
    club = Club.objects.get()
    url = f"/staff/debattraining/club/{club.pk}"
    for name in ("Aya", "Bilal", "Chaima", "Daan"):
        data = {"action": "member", "member-first_name": name, "member-school_class": "groep 8"}
        assert client.post(url, data).status_code == 302
    assert client.post(url, {"action": "member", "member-first_name": ""}).status_code == 400
    started = client.post(url, {"action": "tournament", "tournament-name": "Oefentoernooi"})
    tournament_url = started["Location"]
    members = list(club.members.values_list("pk", flat=True))
    team = {"action": "team", "team-name": "De Sprekers", "team-members": members[:2]}
    assert client.post(tournament_url, team).status_code == 302
    solo = {"action": "team", "team-name": "Alleen", "team-members": members[2:3]}
    assert client.post(tournament_url, solo).status_code == 400  # two to four speakers
    client.post(tournament_url, {**team, "team-name": "Woordkunst", "team-members": members[2:]})
    assert client.post(tournament_url, {"action": "pair"}).status_code == 302
    assert Pairing.objects.count() == 1
    # A pupil who debated leaves: the name goes, the scores stay with the team.
    client.post(url, {"action": "remove", "member": members[0]})
    assert club.members.get(pk=members[0]).first_name in ("(left)", "(vertrokken)")
    client.post(url, {"action": "remove", "member": 99999})
    client.force_login(make_user("lezer", role="read_only"))
    assert client.get(url).status_code == 200
    assert client.post(url, {"action": "member", "member-first_name": "X"}).status_code == 404
