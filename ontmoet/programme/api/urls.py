from django.urls import path

from ontmoet.core.pagecache import cache_public_page
from ontmoet.registrations.selectors import places_version

from ..services import PUBLIC_CONTENT
from . import views

# Anonymous GETs are cached like the public pages; writes and token holders pass through.
cached = cache_public_page(PUBLIC_CONTENT)


urlpatterns = [
    path("activities", cached(views.ActivityListCreateView.as_view()), name="api-activities"),
    path(
        "activities/<int:pk>",
        cache_public_page(PUBLIC_CONTENT, vary=places_version)(
            views.ActivityDetailUpdateView.as_view()
        ),
        name="api-activity",
    ),
    path("themes", views.ThemeListView.as_view(), name="api-themes"),
    path("audiences", views.AudienceListView.as_view(), name="api-audiences"),
    path("formats", views.FormatListView.as_view(), name="api-formats"),
]
