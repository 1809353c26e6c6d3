from django.urls import path

from ..views import staff

app_name = "training_staff"
urlpatterns = [
    path("debattraining", staff.ClubsView.as_view(), name="clubs"),
    path("debattraining/stellingen", staff.MotionBankView.as_view(), name="motions"),
    path("debattraining/club/<int:pk>", staff.ClubView.as_view(), name="club"),
    path("debattraining/toernooi/<int:pk>", staff.TournamentView.as_view(), name="tournament"),
]
