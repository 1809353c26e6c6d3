from django.urls import path

from . import views

urlpatterns = [
    path("partners", views.PartnerListView.as_view(), name="api-partners"),
]
