from django.contrib.auth import views as auth_views
from django.urls import path

from ontmoet.core.login import RateLimitedLoginView

from . import views

app_name = "backoffice"
urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path(
        "login",
        RateLimitedLoginView.as_view(template_name="backoffice/login.html"),
        name="login",
    ),
    path("logout", auth_views.LogoutView.as_view(next_page="site:home"), name="logout"),
    path("activiteiten", views.ActivityListView.as_view(), name="activity_list"),
    path("activiteiten/nieuw", views.ActivityCreateView.as_view(), name="activity_create"),
    path("activiteiten/<int:pk>", views.ActivityDetailView.as_view(), name="activity_detail"),
    path(
        "activiteiten/<int:pk>/bewerken", views.ActivityUpdateView.as_view(), name="activity_edit"
    ),
    path(
        "activiteiten/<int:pk>/publiceren",
        views.ActivityActionView.as_view(action="publish"),
        name="activity_publish",
    ),
    path(
        "activiteiten/<int:pk>/annuleren",
        views.ActivityActionView.as_view(action="cancel"),
        name="activity_cancel",
    ),
    path(
        "activiteiten/<int:pk>/dupliceren",
        views.ActivityActionView.as_view(action="duplicate"),
        name="activity_duplicate",
    ),
    path(
        "activiteiten/<int:pk>/bijeenkomsten",
        views.SessionAddView.as_view(),
        name="session_add",
    ),
    path(
        "activiteiten/<int:pk>/bijeenkomsten/<int:session_id>/verwijderen",
        views.SessionRemoveView.as_view(),
        name="session_remove",
    ),
    path("logboek", views.AuditLogView.as_view(), name="audit_log"),
]
