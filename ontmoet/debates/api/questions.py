"""Audience questions over the API: the board of approved questions (public), asking one
(public, rate-limited, moderated before it shows), and upvoting one once per token. Asking
and upvoting carry the hall's join code, as votes do: only the hall takes part."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound, Throttled, ValidationError
from rest_framework.response import Response

from ontmoet.core.ratelimit import client_address, retry_after

from .. import questions
from ..models import Debate, Question
from .views import MAX_ID, join_code_field, refuse_code_guessers, require_join_code


def _public_debate(activity_id: int) -> Debate:
    """The debate of a published activity; else 404 (ids beyond any integer included)."""
    debate = None
    if 0 < activity_id <= MAX_ID:
        debate = Debate.objects.filter(
            activity_id=activity_id, activity__status="published"
        ).first()
    if debate is None:
        raise NotFound
    return debate


class QuestionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()
    first_name = serializers.CharField()
    upvotes = serializers.IntegerField()


class AskSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=questions.MAX_LENGTH)
    first_name = serializers.CharField(max_length=40, required=False, default="", allow_blank=True)
    code = join_code_field()


class UpvoteSerializer(serializers.Serializer):
    token = serializers.RegexField(r"^[A-Za-z0-9_-]{8,64}$")
    code = join_code_field()


def _limit(request, scope: str) -> None:
    wait = retry_after(scope, client_address(request))
    if wait:
        raise Throttled(wait=wait)


class QuestionsView(generics.GenericAPIView):
    serializer_class = QuestionSerializer

    @extend_schema(
        responses={200: QuestionSerializer(many=True)},
        summary="The approved audience questions of a debate, most wanted first (public)",
        auth=[],
    )
    def get(self, request, activity_id: int):
        debate = _public_debate(activity_id)
        return Response(QuestionSerializer(questions.board(debate), many=True).data)

    @extend_schema(
        request=AskSerializer,
        responses={
            202: OpenApiResponse(description="Received; shown once the moderator approves it"),
            400: OpenApiResponse(description="Empty or too long, or no join code"),
            403: OpenApiResponse(description="The code is not this debate's join code"),
            429: OpenApiResponse(
                description="Too many questions, or wrong join codes, from this address"
            ),
        },
        summary="Ask the speakers a question (public, moderated)",
        auth=[],
    )
    def post(self, request, activity_id: int):
        _limit(request, "question-address")
        data = AskSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        refuse_code_guessers(request)
        debate = _public_debate(activity_id)
        require_join_code(request, data.validated_data.pop("code"), debate.join_code)
        try:
            questions.question_ask(debate=debate, **data.validated_data)
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from None
        return Response({"status": Question.Status.PENDING}, status=status.HTTP_202_ACCEPTED)


class UpvoteView(generics.GenericAPIView):
    serializer_class = UpvoteSerializer

    @extend_schema(
        request=UpvoteSerializer,
        responses={
            201: OpenApiResponse(description="Counted"),
            400: OpenApiResponse(description="Invalid input (the join code missing included)"),
            403: OpenApiResponse(description="The code is not this debate's join code"),
            409: OpenApiResponse(description="This token upvoted it already"),
        },
        summary="Upvote an approved question (public, once per token)",
        auth=[],
    )
    def post(self, request, activity_id: int, question_id: int):
        _limit(request, "vote-address")
        data = UpvoteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        refuse_code_guessers(request)
        debate = _public_debate(activity_id)
        require_join_code(request, data.validated_data["code"], debate.join_code)
        question = debate.questions.filter(
            pk=question_id if question_id < 2**63 else 0, status=Question.Status.APPROVED
        ).first()
        if question is None:
            raise NotFound
        counted = questions.question_upvote(
            question=question, key=f"device:{data.validated_data['token']}"
        )
        return Response({"counted": counted}, status=201 if counted else 409)
