from django.apps import AppConfig


class DebatesConfig(AppConfig):
    name = "ontmoet.debates"
    label = "debates"
