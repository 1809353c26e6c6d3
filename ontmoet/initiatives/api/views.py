"""POST /api/v1/initiatives: a resident's idea from another app or site (public, no
account, rate-limited). The answer carries the idea's private status link."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import Throttled, ValidationError
from rest_framework.response import Response

from ontmoet.core.api import MessageLanguageField, body_text
from ontmoet.core.ratelimit import address_and_email_retry_after
from ontmoet.registrations.models import MESSAGE_LANGUAGES
from ontmoet.venues.models import Branch, Neighbourhood

from .. import services
from ..links import status_url


class InitiativeInSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=4000)
    audience = serializers.CharField(max_length=300)
    branch = serializers.SlugRelatedField(
        slug_field="slug", queryset=Branch.objects.all(), required=False, allow_null=True
    )
    neighbourhood = serializers.SlugRelatedField(
        slug_field="slug", queryset=Neighbourhood.objects.all(), required=False, allow_null=True
    )
    moments = serializers.CharField(max_length=300, required=False, default="", allow_blank=True)
    needs_room = serializers.BooleanField(required=False, default=False)
    needs_promotion = serializers.BooleanField(required=False, default=False)
    needs = serializers.CharField(max_length=1000, required=False, default="", allow_blank=True)
    name = serializers.CharField(max_length=150, source="initiator_name")
    email = serializers.EmailField(max_length=254, source="initiator_email")
    phone = serializers.CharField(
        max_length=40, required=False, default="", allow_blank=True, source="initiator_phone"
    )
    language = MessageLanguageField(choices=MESSAGE_LANGUAGES)
    show_name = serializers.BooleanField(required=False, default=False)


class InitiativeOutSerializer(serializers.Serializer):
    status = serializers.CharField()
    status_url = serializers.URLField(help_text="The idea's private page; keep it secret")


class InitiativeCreateView(generics.GenericAPIView):
    serializer_class = InitiativeOutSerializer

    @extend_schema(
        request=InitiativeInSerializer,
        responses={
            201: InitiativeOutSerializer,
            400: OpenApiResponse(description="Invalid input"),
            429: OpenApiResponse(description="Too many requests; see Retry-After"),
        },
        summary="Send a resident's idea (public, no account)",
        auth=[],
    )
    def post(self, request):
        wait = address_and_email_retry_after(request, body_text(request, "email"), scope="idea")
        if wait:
            raise Throttled(wait=wait)
        serializer = InitiativeInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            initiative = services.initiative_submit(data=dict(serializer.validated_data))
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from None
        body = {"status": initiative.status, "status_url": status_url(initiative, absolute=True)}
        return Response(InitiativeOutSerializer(body).data, status=status.HTTP_201_CREATED)
