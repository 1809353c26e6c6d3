from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "ontmoet.programme"
    label = "programme"
