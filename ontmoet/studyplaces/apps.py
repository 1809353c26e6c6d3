from django.apps import AppConfig


class StudyplacesConfig(AppConfig):
    name = "ontmoet.studyplaces"
    label = "studyplaces"
