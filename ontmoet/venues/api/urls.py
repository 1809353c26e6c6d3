from django.urls import path

from . import views

urlpatterns = [
    path("branches", views.BranchListView.as_view(), name="api-branches"),
    path("branches/<slug:slug>", views.BranchDetailView.as_view(), name="api-branch"),
]
