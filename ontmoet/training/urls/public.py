from django.urls import path

from ..views import public

app_name = "training"
urlpatterns = [
    path("jurering/<str:token>", public.ballot, name="ballot"),
]
