from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "ontmoet.demo"
    label = "demo"
