from django.apps import AppConfig


class VenuesConfig(AppConfig):
    name = "ontmoet.venues"
    label = "venues"
