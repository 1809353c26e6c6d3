from django.urls import path

from ..views import public

app_name = "programme"
urlpatterns = [
    path("programma", public.programme, name="programme"),
    path("activiteit/<int:pk>", public.activity_detail, name="activity_detail_short"),
    path("activiteit/<int:pk>/<slug:slug>", public.activity_detail, name="activity_detail"),
    path("activiteit/<int:pk>.ics", public.activity_ical, name="activity_ical"),
    path("thema/<slug:slug>", public.theme_detail, name="theme_detail"),
    path("reeks", public.series_list, name="series_list"),
    path("reeks/<slug:slug>", public.series_detail, name="series_detail"),
    path("feeds/programma.ics", public.ical_feed, name="ical_all"),
    path("feeds/<str:kind>/<slug:slug>.ics", public.ical_feed, name="ical_scoped"),
    path("feeds/programma.rss", public.ProgrammeRssFeed(), name="rss_all"),
    path("feeds/<str:kind>/<slug:slug>.rss", public.ProgrammeRssFeed(), name="rss_scoped"),
]
