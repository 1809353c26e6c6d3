from django.urls import path

from ..views import staff

app_name = "bookings_staff"
base = "ruimtes/<slug:slug>/"
urlpatterns = [
    path("ruimtes", staff.PlanningHomeView.as_view(), name="home"),
    path(base + "planning", staff.PlanningView.as_view(), name="planning"),
    path(base + "week", staff.WeekView.as_view(), name="week"),
    path(base + "dagblad", staff.DaySheetView.as_view(), name="day_sheet"),
    path(base + "boeken", staff.BookingCreateView.as_view(), name="book"),
    path(base + "aanvragen", staff.RequestListView.as_view(), name="requests"),
    path(
        base + "aanvragen/<int:booking_id>",
        staff.RequestDecideView.as_view(),
        name="decide",
    ),
    path(
        base + "boekingen/<int:booking_id>/wijzigen",
        staff.BookingChangeView.as_view(),
        name="change",
    ),
    path(
        base + "boekingen/<int:booking_id>/reeks-annuleren",
        staff.SeriesCancelView.as_view(),
        name="cancel_series",
    ),
    path(
        base + "boekingen/<int:booking_id>/annuleren",
        staff.BookingCancelView.as_view(),
        name="cancel",
    ),
]
