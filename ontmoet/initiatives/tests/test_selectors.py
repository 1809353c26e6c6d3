"""The overview for management: the share of the programme made with partners counts an
activity co-hosted through its series as much as one co-hosted itself; days to a decision
are whole days."""

import datetime

from ontmoet.initiatives import services
from ontmoet.initiatives.models import Initiative
from ontmoet.initiatives.selectors import overview
from ontmoet.partners import services as partners
from ontmoet.partners.models import Partner, Role
from ontmoet.programme.models import Series

from .conftest import idea_data


def test_co_created_counts_activities_co_hosted_through_their_series(central, make_activity):
    partner = partners.partner_create(
        actor=central, data={"name": "Stichting Buurtkracht", "kind": Partner.Kind.NEIGHBOURHOOD}
    )
    series = Series.objects.create(title="Vrijheid in debat", slug="vrijheid")
    partners.series_hosts_set(actor=central, series=series, hosts=[(partner, Role.FUNDER)])
    make_activity(title="In de reeks", series=series)
    own = make_activity(title="Zelf")
    partners.activity_hosts_set(actor=central, activity=own, hosts=[(partner, Role.CONTENT)])
    make_activity(title="Zonder partner")
    make_activity(status="draft", title="Concept in de reeks", series=series)  # not published
    [branch] = overview(user=central)["by_branch"]
    assert (branch["all"], branch["partners"], branch["residents"]) == (3, 67, 0)


def test_days_to_a_decision_are_whole_days_in_every_row(central, schilderswijk):
    """A median of an even number of ideas is the mean of the middle two: shown rounded,
    like the other rows (not "0,0" or "0,5")."""
    for branch in (None, None, schilderswijk, schilderswijk):
        idea = services.initiative_submit(data=idea_data(branch))
        services.initiative_decide(actor=central, initiative=idea, status="parked", reason="Later.")
    Initiative.objects.filter(pk=idea.pk).update(
        created_at=idea.created_at - datetime.timedelta(days=3)
    )
    rows = {row["branch"]: row["median_days"] for row in overview(user=central)["idea_rows"]}
    assert rows == {"—": 0, "Bibliotheek Schilderswijk": 2}
    assert all(type(days) is int for days in rows.values())
