"""Residents' pages of initiatives: "I have an idea" (no account, rate-limited, with a
honeypot), the private status page of an idea (decision, messages, an answer), and the
ideas staff opened for support with "I would join this"."""

import secrets

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from ontmoet.core.pages import private_page, too_many
from ontmoet.core.ratelimit import address_and_email_retry_after, client_address, retry_after

from .. import services
from ..forms import IdeaForm, MessageForm
from ..links import initiative_by_token, status_url
from ..models import Initiative, SupportKey

# A random id of the browser, kept only to count its "I would join this" once per idea; the
# server stores a digest salted per idea, never the id itself.
SUPPORT_COOKIE = "ontmoet_support"


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def idea_new(request):
    form = IdeaForm(request.POST or None)
    if request.method == "POST":
        if form.caught_bot:
            return render(request, "initiatives/public/sent.html", {})
        wait = address_and_email_retry_after(
            request, request.POST.get("initiator_email", ""), scope="idea"
        )
        if wait:
            return too_many(request, wait)
        if form.is_valid():
            try:
                initiative = services.initiative_submit(data=form.cleaned_data)
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                return render(
                    request,
                    "initiatives/public/sent.html",
                    {"initiative": initiative, "link": status_url(initiative)},
                )
    status = 400 if request.method == "POST" else 200
    return render(request, "initiatives/public/new.html", {"form": form}, status=status)


@private_page
@require_http_methods(["GET", "HEAD", "POST"])
def idea_status(request, token: str):
    initiative = initiative_by_token(token)
    if initiative is None:
        raise Http404
    form = MessageForm(request.POST or None)
    if request.method == "POST":
        wait = retry_after("idea-message-address", client_address(request))
        if wait:
            return too_many(request, wait)
        if form.is_valid():
            try:
                services.initiative_message_add(
                    initiative=initiative, text=form.cleaned_data["text"]
                )
            except ValidationError as error:
                form.add_error("text", error.messages)
            else:
                return redirect(request.path)
    return render(
        request,
        "initiatives/public/status.html",
        {
            "initiative": initiative,
            "messages_list": initiative.messages.all(),
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


@never_cache
def ideas_open(request):
    ideas = (
        Initiative.objects.filter(support_open=True)
        .exclude(status__in=[Initiative.Status.DECLINED, Initiative.Status.PARKED])
        .select_related("branch")
    )
    key = request.COOKIES.get(SUPPORT_COOKIE, "")[:64]
    supported = set()
    if key:
        digests = {services.support_digest(i, key): i.pk for i in ideas}
        found = SupportKey.objects.filter(digest__in=list(digests))
        supported = {digests[d] for d in found.values_list("digest", flat=True)}
    return render(request, "initiatives/public/open.html", {"ideas": ideas, "supported": supported})


@require_POST
def idea_support(request, pk: int):
    initiative = get_object_or_404(Initiative, pk=pk, support_open=True)
    wait = retry_after("support-address", client_address(request))
    if wait:
        return too_many(request, wait)
    key = request.COOKIES.get(SUPPORT_COOKIE) or secrets.token_urlsafe(16)
    services.initiative_support(initiative=initiative, key=key[:64])
    response = redirect("initiatives:open")
    response.set_cookie(
        SUPPORT_COOKIE, key, max_age=60 * 60 * 24 * 365, httponly=True, samesite="Lax"
    )
    return response
