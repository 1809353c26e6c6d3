from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "ontmoet.training"
    label = "training"
    verbose_name = "debate training"
