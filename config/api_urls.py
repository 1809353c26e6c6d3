"""The open API, v1. Paths follow the Dutch API design rules: no trailing slashes."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from ontmoet.core.api import api_not_found

urlpatterns = [
    path("schema", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include("ontmoet.programme.api.urls")),
    path("", include("ontmoet.venues.api.urls")),
    path("", include("ontmoet.registrations.api.urls")),
    path("", include("ontmoet.bookings.api.urls")),
    path("", include("ontmoet.studyplaces.api.urls")),
    path("", include("ontmoet.partners.api.urls")),
    path("", include("ontmoet.initiatives.api.urls")),
    path("", include("ontmoet.debates.api.urls")),
    re_path(r"^.*$", api_not_found),
]
