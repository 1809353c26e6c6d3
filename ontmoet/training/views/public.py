"""The adjudicator's ballot, through its private link: the winning side and a score for
every speaker, submitted once."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ontmoet.core.pages import private_page

from .. import services
from ..ballots import pairing_by_token


@private_page
def ballot(request, token: str):
    pairing = pairing_by_token(token)
    if pairing is None:
        raise Http404
    teams = [
        (side, team, list(team.members.all()))
        for side, team in (("proposition", pairing.proposition), ("opposition", pairing.opposition))
    ]
    errors = []
    if request.method == "POST" and pairing.submitted_at is None:
        try:
            scores = {
                m.pk: int(request.POST.get(f"score-{m.pk}", "") or 0)
                for _side, _team, members in teams
                for m in members
            }
            services.ballot_submit(
                pairing=pairing,
                winner=request.POST.get("winner", ""),
                scores=scores,
                adjudicator=request.POST.get("adjudicator", ""),
            )
        except ValueError:
            errors = [_scores_message()]
        except ValidationError as error:
            errors = error.messages
        else:
            return redirect(request.path)
    return render(
        request,
        "training/public/ballot.html",
        {"pairing": pairing, "teams": teams, "errors": errors},
        status=400 if errors else 200,
    )


def _scores_message() -> str:
    return _("Scores run from 50 to 100.")
