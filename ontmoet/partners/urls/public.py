from django.urls import path

from ..views import password, public, token, workspace

app_name = "partners"
urlpatterns = [
    path("partners", public.partner_list, name="list"),
    path("partners/<slug:slug>", public.partner_detail, name="detail"),
    path("partner/", workspace.WorkspaceView.as_view(), name="workspace"),
    path("partner/inloggen", workspace.PartnerLoginView.as_view(), name="login"),
    path("partner/uitnodiging/<str:token>", workspace.accept_invitation, name="accept"),
    path("partner/wachtwoord", password.ResetView.as_view(), name="password_reset"),
    path(
        "partner/wachtwoord/verstuurd",
        password.ResetSentView.as_view(),
        name="password_reset_sent",
    ),
    path(
        "partner/wachtwoord/<uidb64>/<token>",
        password.ResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("partner/activiteiten/nieuw", workspace.ActivityFormView.as_view(), name="propose"),
    path("partner/activiteiten/<int:pk>", workspace.ActivityView.as_view(), name="activity"),
    path(
        "partner/activiteiten/<int:pk>/bewerken",
        workspace.ActivityFormView.as_view(),
        name="activity_edit",
    ),
    path("partner/ruimte-aanvragen", workspace.RoomRequestView.as_view(), name="room_request"),
    path("partner/api-sleutel", token.TokenView.as_view(), name="token"),
]
