from django.urls import path

from ..views import staff

app_name = "debates_staff"
urlpatterns = [
    path("activiteiten/<int:pk>/debat", staff.ModeratorView.as_view(), name="moderator"),
]
