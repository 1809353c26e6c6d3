from django.urls import path

from . import views

urlpatterns = [
    path("activities", views.ActivityListCreateView.as_view(), name="api-activities"),
    path("activities/<int:pk>", views.ActivityDetailUpdateView.as_view(), name="api-activity"),
    path("themes", views.ThemeListView.as_view(), name="api-themes"),
    path("audiences", views.AudienceListView.as_view(), name="api-audiences"),
    path("formats", views.FormatListView.as_view(), name="api-formats"),
]
