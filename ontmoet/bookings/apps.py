from django.apps import AppConfig


class BookingsConfig(AppConfig):
    name = "ontmoet.bookings"
    label = "bookings"
