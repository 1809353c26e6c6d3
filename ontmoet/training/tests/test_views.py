"""The tournament's staff page by role, pairing from it, and the adjudicator's ballot page
through its private link (once; bad scores refused)."""

import datetime
import re

import pytest
from django.utils import timezone

from conftest import make_user
from ontmoet.programme.models import Activity
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


def test_plan_weekly_sessions_from_the_club_page(client, maker, schilderswijk, space, taxonomy):
    from ontmoet.programme.models import Format

    Format.objects.get_or_create(slug="debattraining", defaults={"name": "Debattraining"})
    club = Club.objects.create(branch=schilderswijk, name="Debatclub")
    client.force_login(maker)
    # 16:00 on the Monday before summer time starts in 2027 (28 March), for three weeks.
    plan = {
        "action": "sessions",
        "sessions-starts_at": "2027-03-22T16:00",
        "sessions-minutes": 90,
        "sessions-weeks": 3,
        "sessions-space": space.pk,
    }
    assert client.post(f"/staff/debattraining/club/{club.pk}", plan).status_code == 302
    sessions = list(club.sessions.order_by("starts_at"))
    assert len(sessions) == 3 and {s.format.slug for s in sessions} == {"debattraining"}
    assert {timezone.localtime(s.starts_at).hour for s in sessions} == {16}  # across the change
    assert all(s.status == "draft" and s.bookings.exists() for s in sessions)
    # The same hours again: the room is taken, so nothing new is made.
    assert client.post(f"/staff/debattraining/club/{club.pk}", plan).status_code == 302
    assert club.sessions.count() == 3
    bad = {**plan, "sessions-weeks": 50}
    assert client.post(f"/staff/debattraining/club/{club.pk}", bad).status_code == 400


def test_the_motion_bank(client, maker, reader, taxonomy):
    client.force_login(reader)
    assert client.get("/staff/debattraining/stellingen").status_code == 200
    assert client.post("/staff/debattraining/stellingen", {"text": "X"}).status_code == 404
    client.force_login(maker)
    made = client.post(
        "/staff/debattraining/stellingen",
        {"text": "Huiswerk moet   worden afgeschaft", "themes": [taxonomy["justice"].pk]},
    )
    assert made.status_code == 302
    page = client.get(f"/staff/debattraining/stellingen?thema={taxonomy['justice'].slug}")
    assert "Huiswerk moet worden afgeschaft" in page.content.decode()
    assert client.get("/staff/debattraining/stellingen?thema=%00").status_code == 200
    twice = client.post(
        "/staff/debattraining/stellingen", {"text": "Huiswerk moet worden afgeschaft"}
    )
    assert twice.status_code == 400  # already in the bank
    huge = {"text": "Thema onbekend", "themes": ["99999999999999999999"]}
    assert client.post("/staff/debattraining/stellingen", huge).status_code == 400


def test_bad_input_on_the_ballot_and_the_final_is_a_message(client, tournament, maker, taxonomy):
    client.force_login(maker)
    url = f"/staff/debattraining/toernooi/{tournament.pk}"
    client.post(url, {"action": "pair"})  # a final follows a tournament that was held
    for bad in (
        {"motion": "Stelling\x00", "starts_at": "2027-05-01T19:30"},
        {"motion": "Stelling", "starts_at": "2027-13-01T19:30"},
        {"motion": "", "starts_at": "2027-05-01T19:30"},
    ):
        page = client.post(url, {"action": "final", **bad}, follow=True)
        assert page.status_code == 200 and "utrecht-alert--error" in page.content.decode()
    assert Activity.objects.count() == 0
    made = client.post(
        url, {"action": "final", "motion": "Stelling", "starts_at": "2027-05-01T19:30"}
    )
    assert made.status_code == 302 and Activity.objects.get().debate.motion == "Stelling"
    late = {"action": "team", "team-name": "Te laat", "team-members": []}
    assert client.post(url, late).status_code == 400
    huge = {"action": "team", "team-name": "T1", "team-members": ["99999999999999999999"]}
    assert client.post(url, huge).status_code == 400
    client.logout()
    pairing = Pairing.objects.get()
    ballot = f"/jurering/{ballot_token(pairing)}"
    speakers = [m for t in (pairing.proposition, pairing.opposition) for m in t.members.all()]
    good = {"winner": "opposition", **{f"score-{m.pk}": "72" for m in speakers}}
    for bad in (
        {**good, "adjudicator": "Ju\x00ry"},
        {**good, "winner": "nobody"},
        {**good, f"score-{speakers[0].pk}": "²"},
        {**good, f"score-{speakers[0].pk}": ""},
    ):
        answer = client.post(ballot, bad)
        assert answer.status_code == 400 and 'role="alert"' in answer.content.decode()
    assert "Null-tekens" in client.post(ballot, {**good, "adjudicator": "\x00"}).content.decode()
    pairing.refresh_from_db()
    assert pairing.submitted_at is None and not pairing.scores.exists()


def _paired_ballot(client, tournament, maker):
    client.force_login(maker)
    client.post(f"/staff/debattraining/toernooi/{tournament.pk}", {"action": "pair"})
    client.logout()
    pairing = Pairing.objects.get()
    speakers = [m for t in (pairing.proposition, pairing.opposition) for m in t.members.all()]
    return f"/jurering/{ballot_token(pairing)}", speakers


def test_a_refused_ballot_comes_back_as_it_was_filled_in(client, tournament, maker):
    url, speakers = _paired_ballot(client, tournament, maker)
    filled = {
        "winner": "opposition",
        "adjudicator": "Juf <Sevda>\x00",
        **{f"score-{m.pk}": str(70 + n) for n, m in enumerate(speakers)},
        f"score-{speakers[0].pk}": "200",
    }
    answer = client.post(url, filled)
    page = answer.content.decode()
    assert answer.status_code == 400
    assert 'value="opposition" checked' in page and 'value="proposition" checked' not in page
    assert 'value="Juf &lt;Sevda&gt;"' in page and "\x00" not in page
    assert f'name="score-{speakers[0].pk}" type="number" min="50" max="100"' in page
    for n, m in enumerate(speakers[1:], start=1):
        assert f'id="score-{m.pk}" name="score-{m.pk}"' in page and f'value="{70 + n}"' in page
    assert 'value="200" required aria-invalid="true"' in page  # the one to correct
    assert page.count('aria-invalid="true"') == 1
    nothing = client.post(url, {"winner": "nobody", f"score-{speakers[0].pk}": "²"})
    assert "checked" not in nothing.content.decode() and "²" not in nothing.content.decode()


def test_the_final_is_refused_before_the_first_round_and_in_the_past(
    client, tournament, maker, taxonomy
):
    client.force_login(maker)
    url = f"/en/staff/debattraining/toernooi/{tournament.pk}"
    page = client.get(url).content.decode()
    assert 'id="final-later"' in page and 'value="final"' not in page
    final = {"action": "final", "motion": "Stelling", "starts_at": "2027-05-01T19:30"}
    early = client.post(url, final, follow=True).content.decode()
    assert "Pair the first round of the tournament before planning its final." in early
    client.post(url, {"action": "pair"})
    assert 'value="final"' in client.get(url).content.decode()
    past = client.post(url, {**final, "starts_at": "2020-01-01T16:00"}, follow=True)
    assert "The final cannot start in the past." in past.content.decode()
    assert Activity.objects.count() == 0
    assert client.post(url, final).status_code == 302 and Activity.objects.count() == 1


def test_a_member_who_left_is_not_offered_for_removal_again(client, tournament, maker):
    client.force_login(maker)
    club = tournament.club
    url = f"/en/staff/debattraining/club/{club.pk}"
    debater = tournament.teams.first().members.first()
    client.post(url, {"action": "remove", "member": debater.pk})
    page = client.get(url).content.decode()
    assert f'name="member" value="{debater.pk}"' not in page
    assert page.count('value="remove"') == 3 and 'id="members-left"' in page
    assert "1 member has left the club" in page
    again = client.post(url, {"action": "remove", "member": debater.pk}, follow=True)
    assert "This member has left the club already." in again.content.decode()
    team_page = client.get(f"/staff/debattraining/toernooi/{tournament.pk}").content.decode()
    assert f'value="{debater.pk}"' not in team_page  # not offered for a team either
    clubs = client.get("/en/staff/debattraining").content.decode()
    assert "3 members" in clubs


def test_the_motion_bank_says_in_its_own_words_that_it_has_a_motion(client, maker):
    client.force_login(maker)
    url = "/en/staff/debattraining/stellingen"
    client.post(url, {"text": "Huiswerk moet worden afgeschaft"})
    twice = client.post(url, {"text": "huiswerk MOET worden  afgeschaft"})
    page = twice.content.decode()
    assert twice.status_code == 400
    assert "The motion bank has this motion already: “Huiswerk moet worden afgeschaft”." in page
    assert "already exists" not in page


def test_the_club_list_puts_the_commas_right_after_the_dates(
    client, maker, schilderswijk, make_activity
):
    club = Club.objects.create(branch=schilderswijk, name="Debatclub")
    start = timezone.now() + datetime.timedelta(days=30)
    for week in range(3):
        club.sessions.add(
            make_activity(status="draft", start=start + datetime.timedelta(weeks=week))
        )
    client.force_login(maker)
    page = client.get("/staff/debattraining").content.decode()
    dates = re.search(r"Trainingen: (.*?)</p>", page).group(1)
    assert re.sub(r"<[^>]+>", "", dates).count(", ") == 2 and " ," not in dates
