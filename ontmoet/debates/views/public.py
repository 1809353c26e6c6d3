"""The hall's pages: join with the code, vote on a phone (no account, no JavaScript needed),
and the big screen with the motion, the live counts and the code and QR code to join."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from ontmoet.core.pages import too_many
from ontmoet.core.qr import qr_svg
from ontmoet.core.ratelimit import client_address, retry_after

from .. import questions, services
from ..selectors import debate_by_code, debate_result, open_round, result_context
from ..voters import remember_device, voter_key


@never_cache
def join(request):
    code = request.GET.get("code", "")
    if code:
        debate = debate_by_code(code)
        if debate is not None:
            return redirect("debates:vote", code=debate.join_code)
        messages.error(request, _("No debate has this code. Check the screen in the hall."))
    return render(request, "debates/public/join.html", {"code": code[:8]})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def vote(request, code: str):
    debate = debate_by_code(code)
    if debate is None:
        raise Http404
    current = open_round(debate)
    key, new_device = voter_key(request, debate.activity)
    ticket = request.POST.get("ticket") or request.GET.get("ticket") or ""
    if request.method == "POST":
        wait = retry_after("vote-address", client_address(request))
        if wait:
            return too_many(request, wait)
        try:
            services.vote_cast(
                round_id=int(request.POST.get("round", "0") or 0),
                choice=request.POST.get("choice", ""),
                key=key,
            )
        except (ValueError, ValidationError):
            messages.error(request, _("Choose for, against or undecided."))
        except services.VoteRefused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, _("Thank you: your vote is counted."))
        return remember_device(redirect(_back(debate, ticket)), new_device)
    context = {
        "debate": debate,
        "questions": questions.board(debate),
        "max_length": questions.MAX_LENGTH,
        "round": current,
        "voted": bool(current and services.has_voted(current, key)),
        "ticket": ticket[:12],
        **result_context(debate_result(debate) if debate.result_published else None),
    }
    return remember_device(render(request, "debates/public/vote.html", context), new_device)


@never_cache
def screen(request, code: str):
    debate = debate_by_code(code)
    if debate is None:
        raise Http404
    join_url = settings.SITE_URL + reverse("debates:vote", kwargs={"code": debate.join_code})
    return render(
        request,
        "debates/public/screen.html",
        {
            "debate": debate,
            **result_context(debate_result(debate)),
            "round": open_round(debate),
            "join_url": join_url,
            "qr": qr_svg(join_url, _("QR code to vote")),
            "questions": questions.board(debate, limit=5),
        },
    )


def _back(debate, ticket: str = "") -> str:
    url = reverse("debates:vote", kwargs={"code": debate.join_code})
    return url + ("?" + urlencode({"ticket": ticket[:12]}) if ticket else "")


@require_POST
def ask(request, code: str):
    debate = debate_by_code(code)
    if debate is None:
        raise Http404
    wait = retry_after("question-address", client_address(request))
    if wait:
        return too_many(request, wait)
    try:
        questions.question_ask(
            debate=debate,
            text=request.POST.get("text", ""),
            first_name=request.POST.get("first_name", ""),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Thank you. The moderator reads your question first."))
    return redirect(_back(debate, request.POST.get("ticket", "")) + "#questions")


@require_POST
def upvote(request, code: str, question_id: int):
    debate = debate_by_code(code)
    question = debate and debate.questions.filter(pk=question_id).first()
    if not question:
        raise Http404
    wait = retry_after("vote-address", client_address(request))
    if wait:
        return too_many(request, wait)
    key, new_device = voter_key(request, debate.activity)
    questions.question_upvote(question=question, key=key)
    response = redirect(_back(debate, request.POST.get("ticket", "")) + "#questions")
    return remember_device(response, new_device)


def moderation(request, code: str):
    debate = debate_by_code(code)
    if debate is None:
        raise Http404
    return render(
        request,
        "debates/public/moderation.html",
        {"debate": debate, **questions.moderation_log(debate)},
    )
