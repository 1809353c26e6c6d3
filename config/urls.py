"""URLs by audience: the public site at /, the back office at /staff/, the API at /api/v1/.

Public and staff pages are Dutch at their plain path and English under /en/, so every page
has a shareable address per language and the switch works without cookies or JavaScript.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from ontmoet.site.views import healthz

urlpatterns = [
    path("api/v1/", include("config.api_urls")),
    path("healthz", healthz, name="healthz"),
]
urlpatterns += i18n_patterns(
    path("", include("ontmoet.site.urls")),
    # Before the programme: /activiteit/<pk>/aanmelden would otherwise read as a slug.
    path("", include("ontmoet.registrations.urls.public")),
    path("", include("ontmoet.bookings.urls.public")),
    path("", include("ontmoet.studyplaces.urls.public")),
    path("", include("ontmoet.partners.urls.public")),
    path("", include("ontmoet.initiatives.urls.public")),
    path("", include("ontmoet.debates.urls.public")),
    path("", include("ontmoet.training.urls.public")),
    path("", include("ontmoet.programme.urls.public")),
    path("", include("ontmoet.venues.urls.public")),
    path("staff/", include("ontmoet.registrations.urls.staff")),
    path("staff/", include("ontmoet.bookings.urls.staff")),
    path("staff/", include("ontmoet.studyplaces.urls.staff")),
    path("staff/", include("ontmoet.partners.urls.staff")),
    path("staff/", include("ontmoet.initiatives.urls.staff")),
    path("staff/", include("ontmoet.debates.urls.staff")),
    path("staff/", include("ontmoet.training.urls.staff")),
    path("staff/", include("ontmoet.backoffice.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

handler400 = "ontmoet.core.errors.bad_request"
handler403 = "ontmoet.core.errors.permission_denied"
handler404 = "ontmoet.core.errors.page_not_found"
handler500 = "ontmoet.core.errors.server_error"
