from django.urls import path

from . import views

urlpatterns = [
    path("occupancy", views.OccupancyView.as_view(), name="api-occupancy"),
    path("occupancy/forecast", views.ForecastView.as_view(), name="api-occupancy-forecast"),
    path("occupancy/events", views.CounterEventView.as_view(), name="api-occupancy-events"),
]
