"""A partner contact who forgot their password gets a reset link by mail (Django's own
one-time, time-limited token). The same answer whatever the address, and rate-limited per
client and per address, like the other public forms."""

from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from ontmoet.core.pages import too_many
from ontmoet.core.ratelimit import address_and_email_retry_after


class ResetView(auth_views.PasswordResetView):
    template_name = "partners/workspace/password_reset.html"
    email_template_name = "partners/mail/password_reset.txt"
    subject_template_name = "partners/mail/password_reset_subject.txt"
    success_url = reverse_lazy("partners:password_reset_sent")

    def post(self, request, *args, **kwargs):
        wait = address_and_email_retry_after(request, request.POST.get("email", ""), scope="lookup")
        if wait:
            return too_many(request, wait)
        return super().post(request, *args, **kwargs)


class ResetSentView(auth_views.PasswordResetDoneView):
    template_name = "partners/workspace/password_reset_sent.html"


class ResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "partners/workspace/password_reset_confirm.html"
    success_url = reverse_lazy("partners:login")
