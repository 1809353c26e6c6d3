from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    name = "ontmoet.initiatives"
    label = "initiatives"
