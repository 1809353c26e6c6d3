from django.urls import path

from ..views import public

app_name = "venues"
urlpatterns = [
    path("vestigingen", public.branch_list, name="branch_list"),
    path("vestigingen/<slug:slug>", public.branch_detail, name="branch_detail"),
]
