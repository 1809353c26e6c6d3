"""API of spaces and room bookings: the spaces of a branch and their availability (public),
and booking a space (staff token, branch-scoped)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, permissions, status
from rest_framework.exceptions import NotFound, PermissionDenied, Throttled, ValidationError
from rest_framework.response import Response

from ontmoet.accounts import scoping
from ontmoet.core.api import PROBLEM_CONTENT_TYPE, body_text, problem, slug_param
from ontmoet.partners.permissions import partner_of
from ontmoet.partners.services import partner_room_request
from ontmoet.venues.models import Branch, Space

from .. import services
from ..abuse import request_retry_after
from ..selectors import space_availability
from .serializers import (
    AvailabilityQuerySerializer,
    AvailabilitySerializer,
    BookableSpaceSerializer,
    BookingCreateSerializer,
    BookingRequestResultSerializer,
    BookingRequestSerializer,
    BookingSerializer,
    BranchAvailabilityQuerySerializer,
    BranchAvailabilitySerializer,
    OccurrenceSerializer,
    SeriesCreateSerializer,
    SeriesSerializer,
)


def _spaces():
    return Space.objects.select_related("branch").prefetch_related("accessibility_features")


class SpaceListView(generics.ListAPIView):
    serializer_class = BookableSpaceSerializer
    pagination_class = None

    @extend_schema(
        parameters=[OpenApiParameter("branch", str, description="Slug of a branch")],
        summary="The spaces of the library, or of one branch",
        auth=[],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        spaces = _spaces().order_by("branch__name", "name")
        branch = slug_param(self.request, "branch")
        if branch is not None:
            spaces = spaces.filter(branch__slug=branch)
        return spaces


class SpaceAvailabilityView(generics.GenericAPIView):
    serializer_class = AvailabilitySerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("from", str, required=True, description="ISO 8601 date-time"),
            OpenApiParameter("to", str, required=True, description="at most 31 days later"),
        ],
        summary="When a space is held, between two moments (buffers included)",
        auth=[],
    )
    def get(self, request, pk: int):
        space = Space.objects.filter(pk=pk).first()
        if space is None:
            raise NotFound
        query = AvailabilityQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        start, end = query.validated_data["from"], query.validated_data["to"]
        staff = scoping.is_backoffice_user(request.user)
        busy = space_availability(spaces=[space], start=start, end=end, public=not staff)
        body = {"space": space.pk, "from": start, "to": end, "busy": busy[space.pk]}
        return Response(AvailabilitySerializer(body).data)


class BranchAvailabilityView(generics.GenericAPIView):
    serializer_class = BranchAvailabilitySerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("branch", str, required=True, description="Slug of a branch"),
            OpenApiParameter("from", str, required=True, description="ISO 8601 date-time"),
            OpenApiParameter("to", str, required=True, description="at most 31 days later"),
        ],
        summary="When each space of a branch is held, between two moments (buffers included)",
        operation_id="spaces_of_branch_availability",
        auth=[],
    )
    def get(self, request):
        query = BranchAvailabilityQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        branch = Branch.objects.filter(slug=data["branch"]).first()
        if branch is None:
            raise NotFound
        spaces = list(Space.objects.filter(branch=branch).order_by("name").only("pk", "name"))
        staff = scoping.is_backoffice_user(request.user)
        busy = space_availability(
            spaces=spaces, start=data["from"], end=data["to"], public=not staff
        )
        body = {
            "branch": branch.slug,
            "from": data["from"],
            "to": data["to"],
            "spaces": [{"space": s.pk, "name": s.name, "busy": busy[s.pk]} for s in spaces],
        }
        return Response(BranchAvailabilitySerializer(body).data)


def _space_and_input(serializer_class, request) -> tuple[Space, dict]:
    """The validated input of a staff booking, its space looked up (400 when unknown)."""
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = dict(serializer.validated_data)
    space = _spaces().filter(pk=data.pop("space")).first()
    if space is None:
        raise ValidationError({"space": [_("No such space.")]})
    return space, data


class BookingCreateView(generics.GenericAPIView):
    serializer_class = BookingSerializer
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=BookingCreateSerializer,
        responses={
            201: BookingSerializer,
            400: OpenApiResponse(description="Invalid input, or a rule broken without reason"),
            403: OpenApiResponse(description="Not staff of the space's branch"),
            409: OpenApiResponse(description="The space is already booked for that time"),
        },
        summary="Book a space (staff token), or ask for it (partner token)",
        description="With a staff token the booking is confirmed at once. With a partner "
        "contact's token it is a request for a space lent to partners or residents: "
        "tentative until the branch decides (201 with status tentative).",
    )
    def post(self, request):
        space, data = _space_and_input(BookingCreateSerializer, request)
        if partner_of(request.user) is not None:
            return _partner_request(request, space, data)
        try:
            booking = services.booking_create(actor=request.user, space=space, **data)
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from None
        except services.BookingConflict as conflict:
            return _booking_conflict(request, conflict)
        return Response(BookingSerializer(booking).data, status=status.HTTP_201_CREATED)


def _partner_request(request, space, data) -> Response:
    """A partner's contact asks for the space; the branch decides (partners.services)."""
    try:
        booking = partner_room_request(
            actor=request.user,
            space=space,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            title=data["title"],
            expected_people=data.get("expected_people"),
            needs=data.get("notes", ""),
        )
    except services.RequestRefused:
        raise PermissionDenied(_("This space takes no requests from partners.")) from None
    except DjangoValidationError as error:
        raise ValidationError(error.message_dict) from None
    except services.BookingConflict:
        return _conflict(request, str(services.TAKEN_FOR_THE_PUBLIC))
    return Response(BookingSerializer(booking).data, status=status.HTTP_201_CREATED)


class SeriesCreateView(generics.GenericAPIView):
    serializer_class = SeriesSerializer
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=SeriesCreateSerializer,
        responses={
            201: SeriesSerializer,
            400: OpenApiResponse(description="Invalid input or rule, or a rule broken"),
            403: OpenApiResponse(description="Not staff of the space's branch"),
            409: OpenApiResponse(description="Dates taken: every one is listed"),
        },
        summary="Book a space on every date of a repeat rule (staff token)",
    )
    def post(self, request):
        space, data = _space_and_input(SeriesCreateSerializer, request)
        try:
            series, made, skipped = services.booking_series_create(
                actor=request.user, space=space, **data
            )
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from None
        except services.SeriesConflict as conflict:
            return _conflict(
                request,
                _("The space is already booked on some of these dates."),
                taken=[_occurrence(o) for o in conflict.taken],
            )
        body = {
            "id": series.pk,
            "rule": series.rule,
            "bookings": BookingSerializer(made, many=True).data,
            "skipped": [_occurrence(o) for o in skipped],
        }
        return Response(body, status=status.HTTP_201_CREATED)


class BookingRequestView(generics.GenericAPIView):
    serializer_class = BookingRequestResultSerializer

    @extend_schema(
        request=BookingRequestSerializer,
        responses={
            201: BookingRequestResultSerializer,
            400: OpenApiResponse(description="Invalid input, or outside the space's rules"),
            404: OpenApiResponse(description="No such space taking requests from outside"),
            409: OpenApiResponse(description="That time is already booked"),
            429: OpenApiResponse(description="Too many requests; see Retry-After"),
        },
        summary="Ask for a space (public, no account)",
        auth=[],
    )
    def post(self, request, pk: int):
        wait = request_retry_after(request, body_text(request, "email"))
        if wait:
            raise Throttled(wait=wait)
        serializer = BookingRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        space = _spaces().filter(pk=pk).first()
        if space is None:
            raise NotFound
        try:
            booking = services.booking_request_create(space=space, **serializer.validated_data)
        except services.RequestRefused:
            raise NotFound from None
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from None
        except services.BookingConflict:
            return _conflict(request, str(services.TAKEN_FOR_THE_PUBLIC))
        body = {
            "status": booking.status,
            "starts_at": booking.starts_at,
            "ends_at": booking.ends_at,
            "decision_before": booking.hold_expires_at,
        }
        return Response(BookingRequestResultSerializer(body).data, status=status.HTTP_201_CREATED)


def _occurrence(occurrence: services.Occurrence) -> dict:
    return OccurrenceSerializer(
        {
            "starts_at": occurrence.starts_at,
            "ends_at": occurrence.ends_at,
            "conflicts": [b.pk for b in occurrence.conflicts],
            "outside_rules": occurrence.outside_rules,
        }
    ).data


def _booking_conflict(request, conflict: services.BookingConflict) -> Response:
    return _conflict(
        request,
        _("The space is already booked for that time."),
        detail=str(services.conflict_message(conflict)),
        conflicts=[
            {"id": b.pk, "blocked_from": b.blocked_from, "blocked_until": b.blocked_until}
            for b in conflict.conflicts
        ],
    )


def _conflict(request, title: str, detail: str = "", **extra) -> Response:
    """A 409 as problem+json, with ``extra`` members (what is in the way)."""
    body = problem(
        status_code=status.HTTP_409_CONFLICT, title=title, detail=detail, instance=request.path
    )
    return Response(
        {**body, **extra}, status=status.HTTP_409_CONFLICT, content_type=PROBLEM_CONTENT_TYPE
    )
