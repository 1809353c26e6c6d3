"""API of registrations: register (public), cancel with a token (public), and for staff the
registrations and check-ins of an activity (token, branch-scoped)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import APIException, NotFound, Throttled, ValidationError
from rest_framework.response import Response

from ontmoet.core.api import body_text
from ontmoet.programme.models import Activity
from ontmoet.programme.permissions import access_activity_for_staff

from .. import services
from ..abuse import registration_retry_after
from ..mail import manage_url
from ..models import Registration
from ..selectors import erasure_date, registration_by_token, waitlist_position
from .serializers import (
    CancelSerializer,
    CheckInSerializer,
    RegistrationCreateSerializer,
    RegistrationResultSerializer,
    StaffRegistrationSerializer,
)


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def _refused(error: services.RegistrationRefused) -> Conflict:
    return Conflict(detail=str(error.message), code=error.code)


def _invalid(error: DjangoValidationError) -> ValidationError:
    if hasattr(error, "error_dict"):
        return ValidationError(error.message_dict)
    return ValidationError({"non_field_errors": error.messages})


def result(registration: Registration) -> dict:
    """The answer's body, in the shape ``RegistrationResultSerializer`` documents; built
    directly because this is the rush's hot path."""
    expires = registration.offer_expires_at
    return {
        "status": registration.status,
        "seats": registration.seats,
        "waitlist_position": getattr(registration, "queue_place", None)
        or waitlist_position(registration),
        "offer_expires_at": expires.isoformat() if expires else None,
        "manage_url": manage_url(registration.token, registration.language),
        "erase_on": erasure_date(registration.activity).isoformat(),
    }


class RegistrationsView(generics.GenericAPIView):
    serializer_class = StaffRegistrationSerializer

    @extend_schema(
        operation_id="registrations_create",
        request=RegistrationCreateSerializer,
        responses={
            201: RegistrationResultSerializer,
            400: OpenApiResponse(description="Invalid input"),
            404: OpenApiResponse(description="No such public activity"),
            409: OpenApiResponse(description="Registration closed, full or already made"),
            429: OpenApiResponse(description="Too many requests; see Retry-After"),
        },
        summary="Register for an activity (public, no account)",
        auth=[],
    )
    def post(self, request, pk: int):
        wait = registration_retry_after(request, body_text(request, "email"))
        if wait:
            raise Throttled(wait=wait)
        serializer = RegistrationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        applicant = services.Applicant(
            name=data["name"],
            email=data["email"],
            seats=data["seats"],
            language=data["language"],
            needs=tuple(data.get("needs", ())),
        )
        try:
            registration = services.registration_create(
                activity_id=pk, applicant=applicant, channel=Registration.Channel.API
            )
        except Activity.DoesNotExist:
            raise NotFound from None
        except services.RegistrationRefused as error:
            if error.code == "not_published":  # a draft does not exist for the public
                raise NotFound from None
            raise _refused(error) from None
        except DjangoValidationError as error:
            raise _invalid(error) from None
        return Response(result(registration), status=status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="registrations_list",
        responses={200: StaffRegistrationSerializer(many=True)},
        summary="The registrations of an activity, with check-ins (staff token)",
    )
    def get(self, request, pk: int):
        activity = _staff_activity(request, pk)
        rows = Registration.objects.filter(activity=activity).order_by("status", "position", "id")
        return Response(StaffRegistrationSerializer(rows, many=True).data)


def _staff_activity(request, pk: int, edit: bool = False) -> Activity:
    try:
        return access_activity_for_staff(user=request.user, pk=pk, edit=edit)
    except Http404:
        raise NotFound from None


class CancelView(generics.GenericAPIView):
    serializer_class = CancelSerializer

    @extend_schema(
        operation_id="registrations_cancel",
        request=CancelSerializer,
        responses={200: RegistrationResultSerializer, 404: OpenApiResponse()},
        summary="Cancel a registration with its secret token (public)",
        auth=[],
    )
    def post(self, request):
        serializer = CancelSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        token = serializer.validated_data["token"]
        registration = registration_by_token(token)
        if registration is None:
            raise NotFound
        registration = services.registration_cancel(registration=registration)
        registration.token = token
        return Response(result(registration))


class CheckInView(generics.GenericAPIView):
    serializer_class = CheckInSerializer

    @extend_schema(
        operation_id="checkins_create",
        request=CheckInSerializer,
        responses={200: StaffRegistrationSerializer, 404: OpenApiResponse()},
        summary="Mark a ticket present at the door (staff token)",
    )
    def post(self, request, pk: int):
        activity = _staff_activity(request, pk, edit=True)
        serializer = CheckInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        code = serializer.validated_data["ticket_code"].strip().upper()
        registration = Registration.objects.filter(
            activity=activity, ticket_code=code, status__in=Registration.HOLDING
        ).first()
        if registration is None:
            raise NotFound
        try:
            services.registration_check_in(
                registration=registration,
                actor=request.user,
                present=serializer.validated_data["present"],
            )
        except services.RegistrationRefused as error:
            raise _refused(error) from None
        return Response(StaffRegistrationSerializer(registration).data)
