"""Property-based run over the OpenAPI document: no generated input makes the API answer 5xx."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings

pytestmark = pytest.mark.django_db


def _operations():
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema?format=json", get_wsgi_application())
    return [result.ok() for result in schema.get_all_operations()]


def test_every_operation_is_fuzzed(make_activity, maker):
    from rest_framework.authtoken.models import Token

    make_activity()
    token = Token.objects.create(user=maker).key
    operations = _operations()
    assert len(operations) >= 8
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def check(case):
            response = case.call(headers={"Authorization": f"Token {token}"})
            assert response.status_code < 500, (
                case.method,
                case.formatted_path,
                response.text[:300],
            )

        check()
