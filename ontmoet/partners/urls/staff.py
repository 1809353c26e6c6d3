from django.urls import path

from ..views import staff

app_name = "partners_staff"
urlpatterns = [
    path("partners", staff.PartnerListView.as_view(), name="list"),
    path("partners/nieuw", staff.PartnerFormView.as_view(), name="create"),
    path("partners/<slug:slug>", staff.PartnerDetailView.as_view(), name="detail"),
    path("partners/<slug:slug>/bewerken", staff.PartnerFormView.as_view(), name="edit"),
    path("activiteiten/<int:pk>/partners", staff.HostsView.as_view(), name="activity_hosts"),
    path("series/<slug:slug>/partners", staff.HostsView.as_view(), name="series_hosts"),
]
