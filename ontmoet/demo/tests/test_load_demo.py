import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from ontmoet.accounts.models import User
from ontmoet.bookings.models import Booking
from ontmoet.core.models import AuditEntry
from ontmoet.debates.models import Debate, Question
from ontmoet.debates.selectors import debate_result
from ontmoet.demo.activities import demo_plan, load_activities
from ontmoet.demo.content import reference
from ontmoet.demo.seed import Tally, load_reference
from ontmoet.initiatives.models import Initiative
from ontmoet.partners.models import Partner
from ontmoet.programme.models import (
    MAX_DURATION,
    Activity,
    ActivitySearchTerm,
    Audience,
    Format,
    LibraryFunction,
    Series,
    Theme,
)
from ontmoet.studyplaces.forecast import zone_busy_hours
from ontmoet.studyplaces.models import CounterDevice, SeatBooking, StudyZone, ZoneCount, ZoneHour
from ontmoet.studyplaces.selectors import slot_times
from ontmoet.training.models import BankMotion, Club, Tournament
from ontmoet.training.selectors import team_standings
from ontmoet.venues.models import (
    AccessibilityFeature,
    Branch,
    District,
    Neighbourhood,
    OpeningException,
    OpeningHours,
    Space,
)

# Creating activities through the services costs tens of milliseconds each, so the database
# tests load a smaller plan; the full default plan is checked without writing it.
TEST_ACTIVITIES = 150
# Besides the plan: a partner's proposal and the draft made from an accepted idea.
DRAFTS_FROM_OTHERS = 2
# And a few weeks of room bookings and study-place history instead of the default year.
TEST_HISTORY_DAYS = 21
COUNTED = [
    District,
    Neighbourhood,
    Branch,
    Space,
    OpeningHours,
    OpeningException,
    AccessibilityFeature,
    Theme,
    Audience,
    Format,
    LibraryFunction,
    Series,
    Activity,
    ActivitySearchTerm,
    AuditEntry,
    User,
]


def load_demo(**options):
    out = StringIO()
    options.setdefault("history_days", TEST_HISTORY_DAYS)
    call_command("load_demo", stdout=out, **options)
    return out.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


@pytest.mark.django_db
def test_load_demo_twice_creates_everything_once():
    load_demo(activities=TEST_ACTIVITIES)
    first = counts()
    output = load_demo(activities=TEST_ACTIVITIES)

    assert counts() == first
    assert "Created: nothing." in output
    assert first["Branch"] == 15
    assert Branch.objects.filter(is_central=True).count() == 1
    assert first["District"] == 8
    assert first["Neighbourhood"] == 43
    assert first["LibraryFunction"] == 5
    assert first["Activity"] == TEST_ACTIVITIES + DRAFTS_FROM_OTHERS
    assert first["ActivitySearchTerm"] > TEST_ACTIVITIES * 10
    # The programme reaches every branch, theme and format.
    assert not Branch.objects.filter(activities__isnull=True).exists()
    assert not Theme.objects.filter(activities__isnull=True).exists()
    assert not Format.objects.filter(activities__isnull=True).exists()
    statuses = set(Activity.objects.values_list("status", flat=True))
    assert {"published", "cancelled"} <= statuses
    assert not Activity.objects.filter(status="cancelled", cancellation_reason="").exists()
    assert Activity.objects.published().count() > TEST_ACTIVITIES * 0.8
    # Debate clubs hold the debate trainings of their own branch as their sessions.
    sessions = Activity.objects.filter(debate_clubs__isnull=False)
    assert sessions.exists()
    assert not sessions.exclude(format__slug="debattraining").exists()
    assert all(a.branch_id == a.debate_clubs.get().branch_id for a in sessions)


@pytest.mark.django_db
def test_places_keep_their_sources_and_say_what_is_illustrative():
    load_demo(activities=0)

    escamp = District.objects.get(slug="escamp")
    assert (escamp.population, escamp.population_year) == (128967, 2022)
    assert "SECONDARY" in escamp.source
    unknown = Neighbourhood.objects.get(slug="willemspark")
    assert unknown.population is None and unknown.source
    transvaal = Branch.objects.get(slug="transvaal")
    assert transvaal.is_illustrative and transvaal.address == ""
    assert "ILLUSTRATIVE" in transvaal.source and "address not found" in transvaal.source
    central = Branch.objects.get(is_central=True)
    assert (central.address, central.postcode) == ("Spui 68", "2511 BT")
    assert central.spaces.get(kind="debate_hall").capacity == 200
    assert central.opening_hours.filter(weekday=6).exists()
    for branch in Branch.objects.filter(is_central=False):
        assert 2 <= branch.spaces.count() <= 4
        assert branch.opening_hours.exists()
        assert branch.opening_exceptions.filter(opens__isnull=True).count() == 2
        assert branch.accessibility_features.filter(slug="rolstoeltoegankelijk").exists()


@pytest.mark.django_db
def test_freedom_series_has_partners_and_past_and_upcoming_debates():
    load_demo(activities=20)  # the series with fixed dates come first in the plan

    series = Series.objects.get(slug="vrijheid-in-debat")
    hosts = dict(series.hosts.values_list("partner__name", "role"))
    assert len(hosts) == 4 and hosts["Instituut Clingendael"] == "content"
    assert hosts["Persbureau ANP"] == "media"
    debates = series.activities.all()
    # Each debate is co-organised by one of the series' partners, as a link, not a name.
    assert all(d.hosts.filter(partner__name__in=hosts).exists() for d in debates)
    assert not any(name in hosts for d in debates for name in d.organisers)
    now = timezone.now()
    assert debates.filter(starts_at__lt=now).exists()
    assert debates.filter(starts_at__gt=now).exists()
    assert {d.space.kind for d in debates} == {"debate_hall"}
    assert {d.format.slug for d in debates} == {"debat"}


@pytest.mark.django_db
def test_demo_users_have_their_roles():
    load_demo(activities=0)

    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert User.objects.get(username="centraal").role == User.Role.CENTRAL_STAFF
    assert User.objects.get(username="lezer").role == User.Role.READ_ONLY
    for name in ["schilderswijk", "transvaal"]:
        maker = User.objects.get(username=name)
        assert maker.role == User.Role.PROGRAMME_MAKER
        assert list(maker.branches.values_list("slug", flat=True)) == [name]
        assert maker.check_password(reference.DEMO_PASSWORD)


@pytest.mark.django_db
def test_a_changed_password_survives_a_second_run():
    load_demo(activities=0)
    user = User.objects.get(username="lezer")
    user.set_password("something-else")
    user.save()

    load_demo(activities=0)

    assert User.objects.get(username="lezer").check_password("something-else")


@pytest.mark.django_db
def test_running_again_on_a_later_day_adds_no_activities():
    load_demo(activities=60)
    actor = User.objects.get(username="centraal")
    later = timezone.localdate() + datetime.timedelta(days=9)

    assert load_activities(actor=actor, count=60, today=later) == 0
    assert Activity.objects.count() == 60 + DRAFTS_FROM_OTHERS


@pytest.mark.django_db
def test_default_plan_is_large_varied_and_within_the_rules():
    today = timezone.localdate()
    load_reference(Tally(), today)

    plan = demo_plan(count=600, today=today)

    assert len(plan) >= 500
    assert {s.branch for s in plan} == set(Branch.objects.values_list("slug", flat=True))
    assert {t for s in plan for t in s.themes} == set(Theme.objects.values_list("slug", flat=True))
    assert {s.format for s in plan} == set(Format.objects.values_list("slug", flat=True))
    assert {a for s in plan for a in s.audiences} == set(
        Audience.objects.values_list("slug", flat=True)
    )
    now = timezone.now()
    assert sum(s.starts_at < now for s in plan) > 200
    assert sum(s.starts_at > now for s in plan) > 200
    for spec in plan:
        assert spec.starts_at < spec.ends_at <= spec.starts_at + MAX_DURATION
        assert abs((spec.starts_at.date() - today).days) <= 200
        assert spec.capacity is None or spec.capacity >= 1
        assert timezone.localtime(spec.starts_at).minute in {0, 30}
    assert sum(1 for s in plan if s.summary_easy) > len(plan) / 2
    assert {tuple(s.languages) for s in plan} >= {("nl",), ("nl", "en"), ("nl", "ar"), ("nl", "tr")}


@pytest.mark.django_db
def test_plan_never_double_books_a_space():
    today = timezone.localdate()
    load_reference(Tally(), today)

    booked = {}
    for spec in demo_plan(count=600, today=today):
        if spec.space is None:
            continue
        for start, end in booked.get(spec.space, []):
            assert not (start < spec.ends_at and spec.starts_at < end), spec.title
        booked.setdefault(spec.space, []).append((spec.starts_at, spec.ends_at))


@pytest.mark.django_db
def test_history_of_rooms_and_study_places():
    load_demo(activities=0)
    today = timezone.localdate()
    weekly = Booking.objects.filter(series__isnull=False)
    assert weekly.filter(starts_at__date__lt=today - datetime.timedelta(days=14)).exists()
    assert weekly.filter(starts_at__date__gt=today + datetime.timedelta(days=7)).exists()
    exhibitions = Booking.objects.filter(is_long=True)
    assert exhibitions.exists()
    assert not exhibitions.filter(override_reason="").exists()  # outside the rules, with why
    assert ZoneHour.objects.filter(day__gte=today - datetime.timedelta(days=TEST_HISTORY_DAYS))
    assert not ZoneHour.objects.filter(day__gte=today).exists()
    # Past seat bookings are anonymous, as the erasure job leaves them; today's have names.
    past = SeatBooking.objects.filter(ends_at__lte=timezone.now())
    assert past.exists() and not past.exclude(name="", email="").exists()
    assert not past.filter(erased_at__isnull=True).exists()
    central = StudyZone.objects.filter(branch__is_central=True)
    forecast = zone_busy_hours(zones=list(central), weekday=today.weekday(), today=today)
    assert all(forecast.values())  # every central zone has hours to show
    assert all(h.present <= h.seats for hours in forecast.values() for h in hours)
    # A door counter has reported at the start of each slot of today so far.
    counter = CounterDevice.objects.get(zone__branch__is_central=True)
    hours_open = [s for s, _ in slot_times(counter.zone, today) if s <= timezone.now()]
    reports = ZoneCount.objects.filter(zone=counter.zone, source="counter")
    assert reports.count() == len(hours_open)
    assert all(0 <= r.present <= 2 * counter.zone.seats for r in reports)


@pytest.mark.django_db
def test_partners_with_agreements_a_contact_and_a_proposal():
    load_demo(activities=20)
    assert Partner.objects.count() >= 8
    assert set(Partner.objects.values_list("kind", flat=True)) >= {
        "media",
        "education",
        "cultural",
        "social",
        "neighbourhood",
        "municipal",
        "national_library",
    }
    taalhuis = Partner.objects.get(name="Taalhuis Den Haag")
    assert taalhuis.has_dpa_today
    assert not Partner.objects.get(name="Persbureau ANP").has_dpa_today
    contact = taalhuis.members.get().user
    assert contact.check_password(reference.DEMO_PASSWORD) and contact.role == ""
    draft = Activity.objects.get(hosts__partner=taalhuis, status="draft")
    assert draft.bookings.exists() is False or draft.bookings.get().status == "tentative"
    invited = Partner.objects.get(name="Bewonersinitiatief Schilderswijk Leest").members.get()
    assert invited.accepted_at is None and not invited.user.is_active


@pytest.mark.django_db
def test_ideas_in_every_status():
    load_demo(activities=20)
    statuses = set(Initiative.objects.values_list("status", flat=True))
    assert statuses == {"new", "in_conversation", "accepted", "declined", "parked"}
    accepted = Initiative.objects.get(status="accepted")
    assert accepted.activity.status == "draft" and accepted.checklist["non_commercial"]
    assert Initiative.objects.filter(support_open=True, supporters__gt=0).exists()
    assert Initiative.objects.filter(channel="phone").exists()
    assert not Initiative.objects.filter(status="declined", decision_reason="").exists()
    assert len(mail.outbox) == 0  # nobody is mailed by the demo


@pytest.mark.django_db
def test_freedom_debates_with_results_and_one_ready_to_run():
    load_demo(activities=20)
    debates = Debate.objects.filter(activity__series__slug="vrijheid-in-debat")
    decided = [d for d in debates if d.result_published]
    assert len(decided) == 4
    assert all(debate_result(d).winner in {"for", "against", "tie"} for d in decided)
    ready = debates.filter(result_published=False).get()
    assert ready.activity.starts_at > timezone.now()
    assert all(r.opened_at is None for r in ready.rounds.all())
    assert Question.objects.filter(status="answered").exists()
    assert Question.objects.filter(status="rejected", reason="advertising").exists()


@pytest.mark.django_db
def test_a_practice_tournament_with_standings():
    load_demo(activities=0)
    tournament = Tournament.objects.get()
    assert tournament.rounds.count() == 3
    judged = tournament.rounds.filter(pairings__submitted_at__isnull=False).distinct().count()
    assert judged == 2
    standings = team_standings(tournament)
    assert [s.debates for s in standings] == [2, 2, 2, 2]
    assert sum(s.wins for s in standings) == 4
    assert Club.objects.count() == 2 and BankMotion.objects.filter(themes__isnull=False).exists()
