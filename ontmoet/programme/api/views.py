"""API views of the programme: one view per operation."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from ontmoet.accounts import scoping
from ontmoet.registrations.selectors import availability

from .. import services
from ..models import Activity, Audience, Format, Theme
from ..permissions import access_activity_for_staff
from ..selectors import (
    FILTER_LISTS,
    ProgrammeFilters,
    activity_queryset_public,
    attach_taxonomies,
    filter_option,
)
from .serializers import (
    ActivityDetailSerializer,
    ActivityListQuerySerializer,
    ActivitySerializer,
    ActivityWriteSerializer,
    SessionSerializer,
    TaxonomySerializer,
    ThemeSerializer,
)

API_RELATED = ("branch", "format", "space", "series")


class ProgrammeCursorPagination(CursorPagination):
    ordering = ("starts_at", "id")
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100


class CanEditProgramme(BasePermission):
    def has_permission(self, request, view):
        return scoping.can_edit_anything(request.user)


def _lookup(name: str, slug: str | None):
    if not slug:
        return None
    option = filter_option(name, slug)
    if option is None:
        raise ValidationError({name: [f"Unknown {name}: {slug}"]})
    return option


FILTER_PARAMETERS = [
    OpenApiParameter("branch", OpenApiTypes.STR, description="Branch slug"),
    OpenApiParameter("district", OpenApiTypes.STR, description="District slug"),
    OpenApiParameter("theme", OpenApiTypes.STR, description="Theme slug"),
    OpenApiParameter("audience", OpenApiTypes.STR, description="Audience slug"),
    OpenApiParameter("format", OpenApiTypes.STR, description="Format slug"),
    OpenApiParameter("accessibility", OpenApiTypes.STR, description="Accessibility feature slug"),
    OpenApiParameter("q", OpenApiTypes.STR, description="Free text; Dutch word forms match"),
    OpenApiParameter("from", OpenApiTypes.DATE, description="First day (default: now)"),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Last day"),
]


class ActivityListCreateView(generics.GenericAPIView):
    pagination_class = ProgrammeCursorPagination
    serializer_class = ActivitySerializer

    def get_permissions(self):
        return [CanEditProgramme()] if self.request.method == "POST" else []

    def filters(self) -> ProgrammeFilters:
        query = ActivityListQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        return ProgrammeFilters(
            **{name: _lookup(name, data.get(name)) for name in FILTER_LISTS},
            date_from=data.get("from_"),
            date_to=data.get("to"),
            q=data.get("q", ""),
        )

    @extend_schema(
        operation_id="activities_list",
        parameters=FILTER_PARAMETERS,
        summary="The public programme, filtered, in start order",
    )
    def get(self, request):
        qs = activity_queryset_public(filters=self.filters()).select_related(*API_RELATED)
        page = attach_taxonomies(self.paginate_queryset(qs))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        operation_id="activities_create",
        request=ActivityWriteSerializer,
        responses={201: ActivitySerializer},
        summary="Create a draft activity (staff token)",
    )
    def post(self, request):
        serializer = ActivityWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        if not scoping.can_edit_branch(request.user, serializer.validated_data["branch"].pk):
            raise PermissionDenied("You may not plan activities for this branch.")
        activity = _save(user=request.user, data=serializer.validated_data)
        return Response(
            ActivitySerializer(activity, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


@transaction.atomic
def _save(*, user, activity=None, data: dict) -> Activity:
    """Create or update, then publish or cancel if asked: each step through its service."""
    data = dict(data)
    status = data.pop("status", None)
    reason = data.pop("cancellation_reason", "")
    if activity is None:
        activity = _call(services.activity_create, actor=user, data=data)
    elif data:
        activity = _call(services.activity_update, actor=user, activity=activity, data=data)
    if status == Activity.Status.PUBLISHED:
        activity = _call(services.activity_publish, actor=user, activity=activity)
    elif status == Activity.Status.CANCELLED:
        activity = _call(services.activity_cancel, actor=user, activity=activity, reason=reason)
    return attach_taxonomies([Activity.objects.select_related(*API_RELATED).get(pk=activity.pk)])[0]


def _call(service, **kwargs):
    """Run a service, turning model validation and scoping errors into API errors."""
    try:
        return service(**kwargs)
    except DjangoValidationError as error:
        detail = (
            error.message_dict
            if hasattr(error, "error_dict")
            else {"non_field_errors": error.messages}
        )
        raise ValidationError(detail) from None
    except DjangoPermissionDenied as error:
        raise PermissionDenied(str(error)) from None


class ActivityDetailUpdateView(generics.GenericAPIView):
    serializer_class = ActivitySerializer

    def get_permissions(self):
        return [CanEditProgramme()] if self.request.method == "PATCH" else []

    @extend_schema(
        operation_id="activities_retrieve",
        summary="One public activity, with its places left and waiting list",
        responses={200: ActivityDetailSerializer},
    )
    def get(self, request, pk: int):
        try:
            activity = Activity.objects.public().select_related(*API_RELATED).get(pk=pk)
        except Activity.DoesNotExist:
            raise NotFound from None
        data = self.get_serializer(attach_taxonomies([activity])[0]).data
        places = availability(activity)
        data["seats_available"] = places.seats_available
        data["waitlist_length"] = places.waitlist_length
        data["sessions"] = SessionSerializer(activity.sessions.all(), many=True).data
        return Response(data)

    @extend_schema(
        operation_id="activities_partial_update",
        request=ActivityWriteSerializer,
        responses={200: ActivitySerializer},
        summary="Change an activity (staff token)",
    )
    def patch(self, request, pk: int):
        activity = access_activity_for_staff(user=request.user, pk=pk, edit=True)
        serializer = ActivityWriteSerializer(activity, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        new_branch = serializer.validated_data.get("branch")
        if new_branch and not scoping.can_edit_branch(request.user, new_branch.pk):
            raise PermissionDenied("You may not plan activities for this branch.")
        activity = _save(user=request.user, activity=activity, data=serializer.validated_data)
        return Response(ActivitySerializer(activity, context={"request": request}).data)


class ThemeListView(generics.ListAPIView):
    serializer_class = ThemeSerializer
    queryset = Theme.objects.all()
    pagination_class = None


class AudienceListView(generics.ListAPIView):
    serializer_class = TaxonomySerializer
    queryset = Audience.objects.all()
    pagination_class = None


class FormatListView(generics.ListAPIView):
    serializer_class = TaxonomySerializer
    queryset = Format.objects.all()
    pagination_class = None
