"""Residents' pages of initiatives: "I have an idea" (no account, rate-limited, with a
honeypot), the private status page of an idea (decision, messages, an answer), and the
ideas staff opened for support with "I would join this" (rate-limited, with a honeypot,
counted once per browser, or per address for a client that keeps no cookie)."""

import secrets

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.crypto import salted_hmac
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from ontmoet.core.forms import add_service_errors, page_language
from ontmoet.core.pages import private_page, too_many
from ontmoet.core.ratelimit import address_and_email_retry_after, client_address, retry_after

from .. import services
from ..forms import HONEYPOT, IdeaForm, MessageForm
from ..links import initiative_by_token, status_url
from ..models import Initiative, SupportKey

# A random id of the browser, kept only to count its "I would join this" once per idea; the
# server stores a digest salted per idea, never the id itself. The cookie is signed, so a
# client cannot make up a new id for every press: it has to fetch the page of ideas again.
SUPPORT_COOKIE = "ontmoet_support"
SUPPORT_SALT = "ontmoet.initiatives.support-cookie"
SUPPORT_COOKIE_AGE = 60 * 60 * 24 * 365


def _browser_key(request) -> str | None:
    """The id in the browser's signed cookie, or None (no cookie, or not one we signed)."""
    key = request.get_signed_cookie(SUPPORT_COOKIE, default=None, salt=SUPPORT_SALT)
    return key[:64] if key else None


def _address_key(request) -> str:
    """For a client that keeps no cookie: one id per network address (a keyed digest, never
    the address itself), so that it counts once per idea however often it presses. Browsers
    have their own id from the page of ideas, so people sharing a network each count."""
    return salted_hmac(SUPPORT_SALT, client_address(request), algorithm="sha256").hexdigest()[:32]


def _keep_key(response, key: str) -> None:
    response.set_signed_cookie(
        SUPPORT_COOKIE,
        key,
        salt=SUPPORT_SALT,
        max_age=SUPPORT_COOKIE_AGE,
        httponly=True,
        samesite="Lax",
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def idea_new(request):
    # Our messages start in the language of the page (the model's default is Dutch).
    form = IdeaForm(request.POST or None, initial={"language": page_language()})
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
                add_service_errors(form, error)
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
    key = _browser_key(request)
    supported = set()
    if key:
        digests = {services.support_digest(i, key): i.pk for i in ideas}
        found = SupportKey.objects.filter(digest__in=list(digests))
        supported = {digests[d] for d in found.values_list("digest", flat=True)}
    response = render(
        request, "initiatives/public/open.html", {"ideas": ideas, "supported": supported}
    )
    if key is None:
        _keep_key(response, secrets.token_urlsafe(16))
    return response


@require_POST
def idea_support(request, pk: int):
    initiative = get_object_or_404(Initiative, pk=pk, support_open=True)
    if request.POST.get(HONEYPOT):  # a bot: thanked like anyone, counted never
        return redirect("initiatives:open")
    wait = retry_after("support-address", client_address(request))
    if wait:
        return too_many(request, wait)
    key = _browser_key(request) or _address_key(request)
    services.initiative_support(initiative=initiative, key=key)
    response = redirect("initiatives:open")
    _keep_key(response, key)
    return response
