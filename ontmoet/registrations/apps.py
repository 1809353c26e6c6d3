from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    name = "ontmoet.registrations"
    label = "registrations"
