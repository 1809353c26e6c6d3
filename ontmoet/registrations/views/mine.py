"""“My registrations”: ask for a link by email, see the list, open one, erase everything."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ontmoet.core.pages import private_page, too_many
from ontmoet.core.ratelimit import address_and_email_retry_after

from .. import lookup
from ..forms import LookupForm
from ..tasks import send_lookup


@private_page
@require_http_methods(["GET", "HEAD", "POST"])
def ask(request):
    form = LookupForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not form.caught_bot:
        email = form.cleaned_data["email"].strip().lower()
        wait = address_and_email_retry_after(request, email, scope="lookup")
        if wait:
            return too_many(request, wait)
        send_lookup(email, (get_language() or "nl")[:2])
        return render(request, "registrations/public/lookup_sent.html")
    return render(
        request,
        "registrations/public/lookup.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def _email_or_404(signed: str) -> str:
    email = lookup.email_from_link(signed)
    if email is None:
        raise Http404
    return email


@private_page
@require_http_methods(["GET", "HEAD"])
def mine(request, signed: str):
    email = _email_or_404(signed)
    return render(
        request,
        "registrations/public/mine.html",
        {"registrations": lookup.registrations_of(email), "signed": signed, "email": email},
    )


@private_page
@require_POST
def open_one(request, signed: str, registration_id: int):
    token = lookup.open_registration(_email_or_404(signed), registration_id)
    if token is None:
        raise Http404
    return redirect("registrations:manage", token=token)


@private_page
@require_POST
def erase(request, signed: str):
    erased = lookup.erase_all(_email_or_404(signed))
    messages.success(
        request, _("Erased: %(count)d registrations. Nothing of yours is left.") % {"count": erased}
    )
    return redirect("programme:programme")
