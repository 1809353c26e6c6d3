from django.urls import path

from . import views

urlpatterns = [
    path(
        "debates/<int:activity_id>/results", views.ResultView.as_view(), name="api-debate-results"
    ),
    path("debates/<int:activity_id>/votes", views.VoteView.as_view(), name="api-debate-votes"),
]
