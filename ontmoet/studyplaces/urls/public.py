from django.urls import path

from ..views import public

app_name = "studyplaces"
urlpatterns = [
    path("studeren/<slug:slug>", public.study, name="study"),
    path("studieplek/<str:token>", public.seat, name="seat"),
    path("studieplek/<str:token>/<str:action>", public.seat_action, name="seat_action"),
    path("studiezone/<int:pk>/<str:code>", public.zone_check_in, name="zone_check_in"),
]
