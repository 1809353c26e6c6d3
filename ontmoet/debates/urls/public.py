from django.urls import path

from ..views import public

app_name = "debates"
urlpatterns = [
    path("stem", public.join, name="join"),
    path("stem/<str:code>", public.vote, name="vote"),
    path("stem/<str:code>/scherm", public.screen, name="screen"),
    path("stem/<str:code>/vragen", public.ask, name="ask"),
    path("stem/<str:code>/vragen/<int:question_id>/steun", public.upvote, name="upvote"),
    path("stem/<str:code>/moderatie", public.moderation, name="moderation"),
]
