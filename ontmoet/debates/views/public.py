"""The hall's pages: join with the code, vote on a phone (no account, no JavaScript needed),
and the big screen with the motion, the live counts and the code and QR code to join.

Every page that takes a join code finds the debate through ``by_code``: only a published
debate can be joined, and wrong codes count against the address (``abuse.py``)."""

import unicodedata
from functools import wraps

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

from ontmoet.core.forms import add_service_errors, posted_id
from ontmoet.core.pages import too_many
from ontmoet.core.qr import qr_svg
from ontmoet.core.ratelimit import client_address, retry_after

from .. import abuse, questions, services
from ..forms import QuestionForm
from ..models import Question
from ..selectors import debate_by_code, debate_result, open_round, result_context
from ..voters import clean_ticket, device_key, posted_ticket, remember_device, voter_key


def by_code(view):
    """Call ``view`` with the debate of the code in the URL; 404 when there is none, 429
    while the address is blocked for guessing codes."""

    @wraps(view)
    def wrapper(request, code: str, **kwargs):
        wait = abuse.code_guessing_wait(request)
        if wait:
            return too_many(request, wait)
        debate = debate_by_code(code)
        if debate is None:
            wait = abuse.code_missed(request)
            if wait:
                return too_many(request, wait)
            raise Http404
        return view(request, debate, **kwargs)

    return wrapper


@never_cache
def join(request):
    code = request.GET.get("code", "")
    ticket = clean_ticket(request.GET.get("ticket"))
    if code:
        wait = abuse.code_guessing_wait(request)
        if wait:
            return too_many(request, wait)
        debate = debate_by_code(code)
        if debate is not None:
            return redirect(_back(debate, ticket))
        wait = abuse.code_missed(request)
        if wait:
            return too_many(request, wait)
        messages.error(request, _("No debate has this code. Check the screen in the hall."))
    return render(request, "debates/public/join.html", {"code": code[:8], "ticket": ticket})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@by_code
def vote(request, debate):
    current = open_round(debate)
    key, new_device = voter_key(request, debate.activity)
    if request.method == "POST":
        response = _cast(request, debate, current, key)
        return remember_device(request, response, new_device)
    response = _vote_page(request, debate, key=key)
    return remember_device(request, response, new_device)


def _vote_page(request, debate, *, key, question_form=None, status=200):
    """The vote page; with a refused question, its form and errors (and the text as it
    was sent, so that nothing typed is lost)."""
    current = open_round(debate)
    ticket = posted_ticket(request)
    if question_form is None:
        question_form = QuestionForm()
    context = {
        "debate": debate,
        "questions": questions.board(debate),
        "max_length": questions.MAX_LENGTH,
        "round": current,
        # After the "after" round, nothing opens again: no "check again".
        "voting_over": any(r.kind == "after" and r.closed_at for r in debate.rounds.all()),
        "voted": bool(current and key and services.has_voted(current, key)),
        "ticket": ticket,
        "ticket_unknown": bool(ticket and key is None),
        "question_form": question_form,
        "asked": {name: _echo(question_form.data.get(name)) for name in question_form.fields},
        **result_context(debate_result(debate) if debate.result_published else None),
    }
    return render(request, "debates/public/vote.html", context, status=status)


def _echo(value, limit: int = 4 * questions.MAX_LENGTH) -> str:
    """Text as it was sent, to put back in a form: without control characters (NUL bytes
    included) other than line breaks and tabs, and never much more than the field takes."""
    text = str(value or "")[:limit]
    return "".join(c for c in text if c in "\t\n\r" or unicodedata.category(c) != "Cc")


def _cast(request, debate, current, key):
    """A vote from the page, in the round the page showed, which must be the debate's open
    round: never a round named by the form alone (it could be another debate's)."""
    wait = retry_after("vote-address", client_address(request))
    if wait:
        return too_many(request, wait)
    ticket = posted_ticket(request)
    if current is None or posted_id(request.POST.get("round")) != current.pk:
        messages.error(request, _("This vote is not open any more. Here is the vote as it is now."))
        return redirect(_back(debate, ticket))
    if key is None:
        # The page it goes back to carries the code, and says there that it is unknown.
        return redirect(_back(debate, ticket))
    wait = retry_after("vote-device", f"{current.pk}:{key}")
    if wait:
        return too_many(request, wait)
    try:
        services.vote_cast(round_id=current.pk, choice=request.POST.get("choice", ""), key=key)
    except ValidationError:
        messages.error(request, _("Choose for, against or undecided."))
    except services.VoteRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Thank you: your vote is counted."))
    return redirect(_back(debate, ticket))


@never_cache
@by_code
def screen(request, debate):
    join_url = settings.SITE_URL + reverse("debates:vote", kwargs={"code": debate.join_code})
    # The short address to type, on the same site as the QR code (without its scheme).
    join_page = (settings.SITE_URL + reverse("debates:join")).split("://", 1)[-1]
    return render(
        request,
        "debates/public/screen.html",
        {
            "debate": debate,
            **result_context(debate_result(debate)),
            "round": open_round(debate),
            "join_url": join_url,
            "join_page": join_page,
            "qr": qr_svg(join_url, _("QR code to vote")),
            "questions": questions.board(debate, limit=5),
        },
    )


def _back(debate, ticket: str = "") -> str:
    url = reverse("debates:vote", kwargs={"code": debate.join_code})
    ticket = clean_ticket(ticket)
    return url + ("?" + urlencode({"ticket": ticket}) if ticket else "")


@require_POST
@by_code
def ask(request, debate):
    wait = retry_after("question-address", client_address(request))
    if wait:
        return too_many(request, wait)
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            questions.question_ask(debate=debate, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
    if form.errors:
        # The page again, with the question as typed and what to change: a redirect would
        # throw the text away.
        key, new_device = voter_key(request, debate.activity)
        response = _vote_page(request, debate, key=key, question_form=form, status=400)
        return remember_device(request, response, new_device)
    messages.success(request, _("Thank you. The moderator reads your question first."))
    return redirect(_back(debate, posted_ticket(request)) + "#questions")


@require_POST
@by_code
def upvote(request, debate, question_id: int):
    question = debate.questions.filter(pk=question_id if question_id < 2**63 else 0).first()
    if question is None:
        raise Http404
    wait = retry_after("vote-address", client_address(request))
    if wait:
        return too_many(request, wait)
    # Upvotes count per ticket or device like votes; an unknown ticket falls back to the
    # device, as support for a question is no vote.
    key, new_device = voter_key(request, debate.activity)
    if key is None:
        key, new_device = device_key(request)
    if question.status != Question.Status.APPROVED:
        messages.error(request, _("This question is not on the board (any more)."))
    elif questions.question_upvote(question=question, key=key):
        messages.success(request, _("Thank you: your support for this question is counted."))
    else:
        messages.info(request, _("You support this question already: it counts once."))
    response = redirect(_back(debate, posted_ticket(request)) + "#questions")
    return remember_device(request, response, new_device)


@by_code
def moderation(request, debate):
    return render(
        request,
        "debates/public/moderation.html",
        {"debate": debate, **questions.moderation_log(debate)},
    )
