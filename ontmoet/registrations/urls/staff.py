from django.urls import path

from ..views import staff

app_name = "registrations_staff"
base = "activiteiten/<int:pk>/"
urlpatterns = [
    path(base + "aanmeldingen", staff.RegistrationListView.as_view(), name="list"),
    path(base + "aanmeldingen/nieuw", staff.AssistedRegistrationView.as_view(), name="assisted"),
    path(
        base + "aanmeldingen/<int:registration_id>/annuleren",
        staff.RegistrationCancelView.as_view(),
        name="cancel",
    ),
    path(
        base + "aanmeldingen/<int:registration_id>/verplaatsen",
        staff.WaitlistMoveView.as_view(),
        name="move",
    ),
    path(
        base + "aanmeldingen/<int:registration_id>/ticket",
        staff.TicketView.as_view(),
        name="ticket",
    ),
    path(base + "loting", staff.LotteryDrawView.as_view(), name="draw"),
    path(base + "deur-qr", staff.DoorPosterView.as_view(), name="door_poster"),
    path(base + "deurlijst", staff.DoorListView.as_view(), name="door_list"),
    path(
        base + "deurlijst/<int:registration_id>",
        staff.CheckInView.as_view(),
        name="check_in",
    ),
    path(base + "deurlijst/binnenlopers", staff.WalkInView.as_view(), name="walk_in"),
]
