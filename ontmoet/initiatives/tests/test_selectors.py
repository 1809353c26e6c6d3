"""The overview for management: the share of the programme made with partners counts an
activity co-hosted through its series as much as one co-hosted itself."""

from ontmoet.initiatives.selectors import overview
from ontmoet.partners import services as partners
from ontmoet.partners.models import Partner, Role
from ontmoet.programme.models import Series


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
