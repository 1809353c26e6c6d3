from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    name = "ontmoet.backoffice"
    label = "backoffice"
