from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "ontmoet.partners"
    label = "partners"
