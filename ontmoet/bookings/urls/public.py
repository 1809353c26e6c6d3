from django.urls import path

from ..views import public

app_name = "bookings"
urlpatterns = [
    path("ruimte/<int:pk>/aanvragen", public.request_space, name="request"),
]
