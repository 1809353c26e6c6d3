from django.urls import path

from . import views

urlpatterns = [
    path(
        "activities/<int:pk>/registrations",
        views.RegistrationsView.as_view(),
        name="api-activity-registrations",
    ),
    path("activities/<int:pk>/check-ins", views.CheckInView.as_view(), name="api-check-ins"),
    path("registrations/cancel", views.CancelView.as_view(), name="api-registrations-cancel"),
]
