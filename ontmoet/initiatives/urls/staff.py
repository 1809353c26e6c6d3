from django.urls import path

from ..views import staff

app_name = "initiatives_staff"
urlpatterns = [
    path("ideeen", staff.QueueView.as_view(), name="queue"),
    path("ideeen/nieuw", staff.EnterView.as_view(), name="enter"),
    path("ideeen/overzicht", staff.OverviewView.as_view(), name="overview"),
    path("ideeen/<int:pk>", staff.DetailView.as_view(), name="detail"),
]
