from django.urls import path

from . import questions, views

urlpatterns = [
    path(
        "debates/<int:activity_id>/results", views.ResultView.as_view(), name="api-debate-results"
    ),
    path("debates/<int:activity_id>/votes", views.VoteView.as_view(), name="api-debate-votes"),
    path(
        "debates/<int:activity_id>/questions",
        questions.QuestionsView.as_view(),
        name="api-debate-questions",
    ),
    path(
        "debates/<int:activity_id>/questions/<int:question_id>/upvotes",
        questions.UpvoteView.as_view(),
        name="api-debate-upvotes",
    ),
]
