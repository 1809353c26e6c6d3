import datetime

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from ontmoet.programme.templatetags.programme_cards import activity_cards, when


class Stub:
    def __init__(self, start, end):
        self.starts_at, self.ends_at = start, end


@pytest.mark.parametrize("language", ["nl", "en"])
def test_when_matches_django_date_format(language):
    start = timezone.make_aware(datetime.datetime(2027, 3, 13, 19, 30))
    with translation.override(language):
        same_day = when(Stub(start, start + datetime.timedelta(hours=2)))
        assert same_day == f"{date_format(start, 'D j M Y')}, 19:30–21:30"
        spans = when(Stub(start, start + datetime.timedelta(days=3)))
        end = start + datetime.timedelta(days=3)
        assert (
            spans
            == f"{date_format(start, 'D j M Y')}, 19:30 – {date_format(end, 'D j M Y')}, 19:30"
        )


@pytest.mark.django_db
def test_cards_escape_and_mark_cancelled(make_activity):
    html = activity_cards([make_activity(title="<img src=x onerror=alert(1)>", status="cancelled")])
    assert "<img" not in html and "&lt;img" in html
    assert "activity-card--cancelled" in html
    assert activity_cards([]) == ""


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_links_equal_reversed_urls(make_activity, language):
    from ontmoet.programme.links import ActivityLinks

    activity = make_activity(title="Taal & cultuur 2027")
    with translation.override(language):
        links = ActivityLinks()
        assert links.detail(activity) == activity.get_absolute_url()
        assert links.ical(activity) == activity.get_ical_url()
        assert links.branch(activity.branch) == activity.branch.get_absolute_url()
