from django.urls import path

from . import activities, views

urlpatterns = [
    path("partners", views.PartnerListView.as_view(), name="api-partners"),
    path(
        "partner/activities",
        activities.PartnerActivityListView.as_view(),
        name="api-partner-activities",
    ),
    path(
        "partner/activities/<int:pk>",
        activities.PartnerActivityDetailView.as_view(),
        name="api-partner-activity",
    ),
]
