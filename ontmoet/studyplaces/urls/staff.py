from django.urls import path

from ..views import staff

app_name = "studyplaces_staff"
base = "studeren/<slug:slug>"
urlpatterns = [
    path(base, staff.ZonesView.as_view(), name="zones"),
    path(base + "/zones/<int:zone_id>/tellen", staff.CountView.as_view(), name="count"),
    path(base + "/zones/<int:zone_id>/poster", staff.PosterView.as_view(), name="poster"),
    path(
        base + "/zones/<int:zone_id>/tellers",
        staff.CounterCreateView.as_view(),
        name="counter_create",
    ),
    path(
        base + "/tellers/<int:counter_id>/uitzetten",
        staff.CounterDeactivateView.as_view(),
        name="counter_deactivate",
    ),
]
