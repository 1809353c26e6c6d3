from django.urls import path

from . import views

urlpatterns = [
    path("spaces", views.SpaceListView.as_view(), name="api-spaces"),
    path(
        "spaces/availability",
        views.BranchAvailabilityView.as_view(),
        name="api-branch-availability",
    ),
    path(
        "spaces/<int:pk>/availability",
        views.SpaceAvailabilityView.as_view(),
        name="api-space-availability",
    ),
    path(
        "spaces/<int:pk>/booking-requests",
        views.BookingRequestView.as_view(),
        name="api-booking-requests",
    ),
    path("bookings", views.BookingCreateView.as_view(), name="api-bookings"),
    path("booking-series", views.SeriesCreateView.as_view(), name="api-booking-series"),
]
