"""The debate API: the live result of a debate's audience vote (public: the big screen and
phones poll it), and casting a vote (public, rate-limited; the token is a ticket code or the
voter's own random id). A vote needs the hall's join code, as the vote page does: the
activity's id is public, the code is shown only in the hall (ADR 0007)."""

import hmac

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied, Throttled, ValidationError
from rest_framework.response import Response

from ontmoet.core.api import PROBLEM_CONTENT_TYPE, problem
from ontmoet.core.ratelimit import client_address, retry_after

from .. import abuse, services
from ..models import VoteRound
from ..selectors import public_result, public_round
from ..verdict import verdict
from ..voters import ticket_key

# Ids beyond a 64-bit integer cannot exist; the databases refuse to even compare them.
MAX_ID = 2**63 - 1


def _check_id(activity_id: int) -> None:
    if not 0 < activity_id <= MAX_ID:
        raise NotFound


def join_code_field() -> serializers.CharField:
    return serializers.CharField(
        max_length=8,
        help_text="The debate's join code, shown on the screen in the hall (any case)",
    )


def require_join_code(request, given: str, join_code: str) -> None:
    """Refuse (403) a request that does not carry the debate's join code: only the hall
    takes part. Wrong codes count against the address; past the limit every code it sends
    is refused (429), right ones too, so a 429 tells a guess nothing (``abuse``)."""
    if hmac.compare_digest(given.strip().upper().encode(), join_code.encode()):
        return
    wait = abuse.code_missed(request)
    if wait:
        raise Throttled(wait=wait)
    raise PermissionDenied(_("This is not the code of this debate. Check the screen."))


def refuse_code_guessers(request) -> None:
    wait = abuse.code_guessing_wait(request)
    if wait:
        raise Throttled(wait=wait)


class RoundOutSerializer(serializers.Serializer):
    open = serializers.BooleanField(source="is_open")
    closed = serializers.BooleanField()
    total = serializers.IntegerField()
    counts = serializers.DictField(child=serializers.IntegerField())
    shares = serializers.DictField(child=serializers.IntegerField(), help_text="Percentages")


class ResultSerializer(serializers.Serializer):
    motion = serializers.CharField()
    rounds = serializers.DictField(child=RoundOutSerializer())
    shift = serializers.DictField(
        child=serializers.IntegerField(), allow_null=True, help_text="Percentage points"
    )
    winner = serializers.CharField(allow_null=True, help_text="for, against or tie")
    state_label = serializers.CharField()
    winner_label = serializers.CharField()


def _round_body(result) -> dict:
    return {
        "open": result.is_open,
        "closed": result.closed,
        "total": result.total,
        "counts": result.counts,
        "shares": result.shares,
    }


def _state_label(result) -> str:
    if result.before.is_open:
        return _("Voting is open: before the debate")
    if result.after.is_open:
        return _("Voting is open: after the debate")
    return _("Voting is closed")


class ResultView(generics.GenericAPIView):
    serializer_class = ResultSerializer

    @extend_schema(
        parameters=[OpenApiParameter("language", str, description="nl (default) or en")],
        summary="The audience vote of a debate: counts, shares, shift and winner (public)",
        auth=[],
    )
    def get(self, request, activity_id: int):
        _check_id(activity_id)
        # One lean query, not the debate and its activity: every phone polls this.
        found = public_result(activity_id)
        if found is None:
            raise NotFound
        motion, result = found
        language = "en" if request.query_params.get("language") == "en" else "nl"
        # Written as plain data in ResultSerializer's shape: a serializer pass would cost
        # more than the statement on a path every phone in the hall polls.
        with translation.override(language):
            body = {
                "motion": motion,
                "rounds": {
                    "before": _round_body(result.before),
                    "after": _round_body(result.after),
                },
                "shift": result.shift if result.complete else None,
                "winner": result.winner,
                "state_label": _state_label(result),
                "winner_label": verdict(result),
            }
        return Response(body)


class VoteInSerializer(serializers.Serializer):
    round = serializers.ChoiceField(choices=VoteRound.Kind.choices)
    choice = serializers.ChoiceField(choices=VoteRound.Choice.choices)
    token = serializers.RegexField(
        r"^[A-Za-z0-9_-]{8,64}$", help_text="A ticket code, or a random id the client keeps"
    )
    code = join_code_field()


class VoteView(generics.GenericAPIView):
    serializer_class = VoteInSerializer

    @extend_schema(
        request=VoteInSerializer,
        responses={
            201: OpenApiResponse(description="Counted"),
            400: OpenApiResponse(description="Invalid input (the join code missing included)"),
            403: OpenApiResponse(description="The code is not this debate's join code"),
            404: OpenApiResponse(description="No such public debate"),
            409: OpenApiResponse(description="The round is not open, or this token voted"),
            429: OpenApiResponse(
                description="Too many votes from this address or this token, or too many "
                "wrong join codes from this address"
            ),
        },
        summary="Vote in a debate's open round (public, no account; needs the join code)",
        description="Only people in the hall can vote: the body carries the join code shown "
        "on the screen there. Wrong codes count against the address (`debate-code-address`): "
        "past the limit every code it sends answers 429 for a while.",
        auth=[],
    )
    def post(self, request, activity_id: int):
        wait = retry_after("vote-address", client_address(request))
        if wait:
            raise Throttled(wait=wait)
        data = VoteInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        _check_id(activity_id)
        kind, token = data.validated_data["round"], data.validated_data["token"]
        wait = retry_after("vote-device", f"{activity_id}:{kind}:{token}")
        if wait:
            raise Throttled(wait=wait)
        refuse_code_guessers(request)
        found = public_round(activity_id, kind)
        if found is None:
            raise NotFound
        round_id, join_code = found
        require_join_code(request, data.validated_data["code"], join_code)
        key = ticket_key(activity_id, token) or f"device:{token}"
        try:
            services.vote_cast(round_id=round_id, choice=data.validated_data["choice"], key=key)
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from None
        except services.VoteRefused as refused:
            body = problem(status_code=409, title=str(refused.message), instance=request.path)
            return Response(
                {**body, "code": refused.code}, status=409, content_type=PROBLEM_CONTENT_TYPE
            )
        return Response({"counted": True}, status=status.HTTP_201_CREATED)
