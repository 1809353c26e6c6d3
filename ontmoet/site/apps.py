from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "ontmoet.site"
    label = "ontmoet_site"
