from io import StringIO

import pytest
from django.core.management import call_command

from ontmoet.accounts.models import User


def logins() -> str:
    out = StringIO()
    call_command("demo_logins", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_logins_works_without_users_and_writes_nothing():
    text = logins()

    assert "/staff/login" in text
    assert "ontmoet-demo" in text
    assert "load_demo" in text
    assert not User.objects.exists()


@pytest.mark.django_db
def test_demo_logins_lists_every_role():
    call_command("load_demo", activities=0, history_days=7, stdout=StringIO())

    text = logins()

    for username in ["admin", "centraal", "schilderswijk", "transvaal", "lezer"]:
        assert username in text
    assert "not in this DB" not in text
