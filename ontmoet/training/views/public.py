"""The adjudicator's ballot, through its private link: the winning side and a score for
every speaker, submitted once."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from ontmoet.core.pages import private_page

from .. import services
from ..ballots import pairing_by_token
from ..forms import BallotForm


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
        form = BallotForm(
            request.POST, speakers=[m for _side, _team, members in teams for m in members]
        )
        try:
            if not form.is_valid():
                raise ValidationError(form.messages)
            services.ballot_submit(
                pairing=pairing,
                winner=form.cleaned_data["winner"],
                scores=form.scores,
                adjudicator=form.cleaned_data["adjudicator"],
            )
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
