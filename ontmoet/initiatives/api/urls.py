from django.urls import path

from . import views

urlpatterns = [
    path("initiatives", views.InitiativeCreateView.as_view(), name="api-initiatives"),
]
