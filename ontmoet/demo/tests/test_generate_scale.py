from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from ontmoet.demo.activities import SCALE_PREFIX
from ontmoet.programme.models import MAX_DURATION, Activity, ActivitySearchTerm, Theme
from ontmoet.programme.selectors import ProgrammeFilters, activity_list_public


def run(command, **options):
    out = StringIO()
    call_command(command, stdout=out, **options)
    return out.getvalue()


def generated():
    return Activity.objects.filter(slug__startswith=SCALE_PREFIX)


@pytest.mark.django_db
def test_generate_scale_needs_the_demo_first():
    with pytest.raises(CommandError, match="load_demo"):
        run("generate_scale", activities=10)


@pytest.mark.django_db
def test_generate_scale_adds_searchable_activities():
    run("load_demo", activities=20, history_days=7)
    before = Activity.objects.count()

    run("generate_scale", activities=300)

    assert Activity.objects.count() == before + 300
    assert generated().count() == 300
    assert not generated().filter(search_terms__isnull=True).exists()
    assert ActivitySearchTerm.objects.filter(activity__in=generated()).count() > 300 * 10
    assert not Theme.objects.filter(activities__isnull=True).exists()
    assert generated().filter(status="published").count() > 250
    for activity in generated():
        assert activity.starts_at < activity.ends_at <= activity.starts_at + MAX_DURATION

    sample = generated().filter(status="published", format__slug="taalcafe").first()
    day = timezone.localtime(sample.starts_at).date()
    page = activity_list_public(
        filters=ProgrammeFilters(q="taalcafés", branch=sample.branch, date_from=day, date_to=day),
        per_page=100,
    )
    assert sample in page.items


@pytest.mark.django_db
def test_generate_scale_tops_up_and_clears():
    run("load_demo", activities=20, history_days=7)
    demo = Activity.objects.count()  # the plan's 20 and the drafts partners and ideas made
    run("generate_scale", activities=50)

    assert "nothing to add" in run("generate_scale", activities=40)
    run("generate_scale", activities=80)
    assert generated().count() == 80

    run("generate_scale", activities=0, clear=True)
    assert generated().count() == 0
    assert Activity.objects.count() == demo
    assert not ActivitySearchTerm.objects.filter(activity__slug__startswith=SCALE_PREFIX).exists()
