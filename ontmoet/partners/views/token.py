"""A partner contact's API key, for their organisation's own systems (the partner API and
room requests through POST /api/v1/bookings): make one — shown once, on the answer to the
POST, never again — or revoke it. Making a new one replaces the old key."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from rest_framework.authtoken.models import Token

from .. import services
from .workspace import PartnerMemberMixin


@method_decorator(never_cache, name="dispatch")
class TokenView(PartnerMemberMixin, TemplateView):
    template_name = "partners/workspace/token.html"

    def get_context_data(self, **kwargs):
        token = Token.objects.filter(user=self.request.user).only("created").first()
        return super().get_context_data(token=token, **kwargs)

    def post(self, request):
        action = request.POST.get("action")
        if action == "create":
            token = services.partner_token_create(actor=request.user)
            # Rendered, not redirected: the key is in this answer only (not in a session).
            return self.render_to_response(self.get_context_data(new_key=token.key))
        if action == "revoke":
            if services.partner_token_revoke(actor=request.user):
                messages.success(request, _("Your API key is revoked; it no longer works."))
            return redirect("partners:token")
        return self.render_to_response(self.get_context_data(), status=400)
