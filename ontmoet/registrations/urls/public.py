from django.urls import path

from ..views import door, mine, public

app_name = "registrations"
urlpatterns = [
    path("activiteit/<int:pk>/aanmelden", public.register, name="register"),
    path("aanmelding/<str:token>", public.manage, name="manage"),
    path("aanmelding/<str:token>/annuleren", public.cancel, name="cancel"),
    path("aanmelding/<str:token>/plaatsen", public.change_seats, name="change_seats"),
    path("aanmelding/<str:token>/accepteren", public.accept_offer, name="accept_offer"),
    path("inchecken/<int:pk>/<str:code>", door.self_check_in, name="self_check_in"),
    path("mijn-aanmeldingen", mine.ask, name="lookup"),
    path("mijn-aanmeldingen/<str:signed>", mine.mine, name="mine"),
    path("mijn-aanmeldingen/<str:signed>/wissen", mine.erase, name="erase"),
    path("mijn-aanmeldingen/<str:signed>/<int:registration_id>", mine.open_one, name="open"),
]
