from django.urls import path

from ..views import public

app_name = "initiatives"
urlpatterns = [
    path("ideeen", public.ideas_open, name="open"),
    path("ideeen/nieuw", public.idea_new, name="new"),
    path("ideeen/<int:pk>/meedoen", public.idea_support, name="support"),
    path("idee/<str:token>", public.idea_status, name="status"),
]
