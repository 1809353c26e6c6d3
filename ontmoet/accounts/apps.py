from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ontmoet.accounts"
    label = "accounts"
