"""The adjudicator's ballot, through its private link: the winning side and a score for
every speaker, submitted once. A ballot that is refused comes back with what was entered,
so that only the mistake needs correcting."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from ontmoet.core.pages import private_page

from .. import services
from ..ballots import pairing_by_token
from ..forms import BallotForm
from ..models import Pairing


@private_page
def ballot(request, token: str):
    pairing = pairing_by_token(token)
    if pairing is None:
        raise Http404
    sides = [("proposition", pairing.proposition), ("opposition", pairing.opposition)]
    speakers = {side: list(team.members.all()) for side, team in sides}
    errors, form = [], None
    if request.method == "POST" and pairing.submitted_at is None:
        form = BallotForm(request.POST, speakers=[m for side in speakers.values() for m in side])
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
    entered = _entered(form) if errors else {}
    teams = [
        (
            side,
            team,
            [
                (
                    m,
                    entered.get(f"score-{m.pk}", ""),
                    bool(form and form.errors.get(f"score-{m.pk}")),
                )
                for m in speakers[side]
            ],
        )
        for side, team in sides
    ]
    return render(
        request,
        "training/public/ballot.html",
        {
            "pairing": pairing,
            "teams": teams,
            "errors": errors,
            "winner": entered.get("winner", ""),
            "adjudicator": entered.get("adjudicator", ""),
            "winner_invalid": bool(form and form.errors.get("winner")),
        },
        status=400 if errors else 200,
    )


def _entered(form: BallotForm) -> dict[str, str]:
    """What the adjudicator sent, to fill the form in again: a side only if it is one, a
    score as at most a few digits, the name as printable text of the field's length."""
    data = form.data
    entered = {
        f"score-{m.pk}": str(data.get(f"score-{m.pk}", "")).strip()[:3] for m in form.speakers
    }
    entered = {k: v for k, v in entered.items() if v.isascii() and v.isdigit()}
    winner = data.get("winner", "")
    if winner in Pairing.Side.values:
        entered["winner"] = winner
    entered["adjudicator"] = "".join(
        c for c in str(data.get("adjudicator", ""))[:80] if c.isprintable()
    )
    return entered
