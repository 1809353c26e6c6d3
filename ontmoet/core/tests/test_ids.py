"""Ids read from addresses and forms: anything but plain ASCII digits matches nothing, and
so does a number no integer column can hold, alone or among others."""

import pytest

from ontmoet.core.forms import posted_id
from ontmoet.core.links import RecordLink
from ontmoet.venues.models import Branch


@pytest.mark.parametrize("value", ["²", "١٢", "12a", "", None, "-1", "9" * 12, " 5"])
def test_posted_id_refuses_what_is_no_plain_number(value):
    assert posted_id(value) == 0


def test_posted_id_reads_a_plain_number():
    assert posted_id("42") == 42


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["²-abc", "١-abc", "-abc", "1-", "x" * 200, "9" * 13 + "-a"])
def test_a_record_link_with_a_strange_id_opens_nothing(token, schilderswijk):
    link = RecordLink("test", "slug")
    assert link.find(Branch.objects.all(), token) is None


@pytest.mark.django_db
def test_a_record_link_opens_its_record_only(schilderswijk, transvaal):
    link = RecordLink("test", "slug")
    token = link.token(schilderswijk)
    assert link.find(Branch.objects.all(), token) == schilderswijk
    forged = f"{transvaal.pk}-{token.partition('-')[2]}"
    assert link.find(Branch.objects.all(), forged) is None


@pytest.mark.django_db
def test_ids_beyond_any_integer_column_match_nothing(schilderswijk, transvaal):
    huge = [2**63, 2**70, -(2**63) - 1]
    assert not Branch.objects.filter(pk__in=huge).exists()
    assert list(Branch.objects.filter(pk__in=[*huge, schilderswijk.pk])) == [schilderswijk]
    assert Branch.objects.exclude(pk__in=huge).count() == 2
    assert list(Branch.objects.filter(pk__in=[2**63 - 1, transvaal.pk])) == [transvaal]
