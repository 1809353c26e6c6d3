"""Logging in, for staff and partner contacts alike, with attempts counted per client
address: guessing passwords becomes slow, and a 429 is the same for right and wrong ones."""

from django.contrib.auth.views import LoginView

from .pages import too_many
from .ratelimit import client_address, retry_after


class RateLimitedLoginView(LoginView):
    def post(self, request, *args, **kwargs):
        wait = retry_after("login-address", client_address(request))
        if wait:
            return too_many(request, wait)
        return super().post(request, *args, **kwargs)
