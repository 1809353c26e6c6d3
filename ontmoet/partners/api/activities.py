"""The partner API: a partner contact's token reads the activities their organisation
co-organises (and the published ones of the series it co-hosts), proposes drafts and changes
them while they are drafts — the same rule as the workspace (``partners.permissions``).
Anyone else, staff included, gets a 404 here: staff have the programme's own API."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, permissions, serializers, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from ontmoet.core.api import MomentField
from ontmoet.programme.api.serializers import ActivityWriteSerializer
from ontmoet.registrations.models import Tally

from .. import services
from ..permissions import access_activity_for_partner, activities_of_partner, partner_of


class PartnerActivityWriteSerializer(ActivityWriteSerializer):
    """What a partner may set: the programme's fields without series, status, organisers
    and library functions (the library decides those)."""

    series = None
    status = None
    cancellation_reason = None
    organisers = None
    library_functions = None


class PartnerActivitySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    status = serializers.CharField()
    branch = serializers.SlugField(source="branch.slug")
    space = serializers.IntegerField(source="space_id", allow_null=True)
    starts_at = MomentField()
    ends_at = MomentField()
    registration_mode = serializers.CharField()
    capacity = serializers.IntegerField(allow_null=True)
    cohosted = serializers.SerializerMethodField(
        help_text="Co-hosted by your organisation itself; false: seen through a series it "
        "co-hosts (read only)"
    )
    registered_seats = serializers.SerializerMethodField()
    waitlist_length = serializers.SerializerMethodField()

    def _tally(self, activity):
        return self.context.get("tallies", {}).get(activity.pk)

    def get_cohosted(self, activity) -> bool:
        # Read through ``activities_of_partner``, which annotates it; what a contact has just
        # proposed or changed is their partner's own.
        return getattr(activity, "cohosted", True)

    def get_registered_seats(self, activity) -> int:
        tally = self._tally(activity)
        return tally.confirmed_seats if tally else 0

    def get_waitlist_length(self, activity) -> int:
        tally = self._tally(activity)
        return tally.waitlisted_entries if tally else 0


def _partner(request):
    partner = partner_of(request.user)
    if partner is None:
        raise NotFound
    return partner


def _present(activities, *, many: bool):
    items = list(activities) if many else [activities]
    tallies = Tally.objects.in_bulk([a.pk for a in items])
    return PartnerActivitySerializer(activities, many=many, context={"tallies": tallies}).data


def _write(call):
    try:
        return call()
    except DjangoValidationError as error:
        raise ValidationError(error.message_dict) from None
    except (PermissionDenied, Http404):
        raise NotFound from None


class PartnerActivityListView(generics.GenericAPIView):
    serializer_class = PartnerActivitySerializer
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        responses={200: PartnerActivitySerializer(many=True)},
        summary="The activities your organisation co-organises (partner token)",
    )
    def get(self, request):
        partner = _partner(request)
        activities = (
            activities_of_partner(partner).select_related("branch").order_by("-starts_at")[:500]
        )
        return Response(_present(activities, many=True))

    @extend_schema(
        request=PartnerActivityWriteSerializer,
        responses={
            201: PartnerActivitySerializer,
            400: OpenApiResponse(description="Invalid input"),
            404: OpenApiResponse(description="Not a partner's token, or not its branch"),
        },
        summary="Propose an activity: a draft the library publishes (partner token)",
    )
    def post(self, request):
        _partner(request)
        data = PartnerActivityWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        activity = _write(
            lambda: services.partner_activity_propose(
                actor=request.user, data=dict(data.validated_data)
            )
        )
        return Response(_present(activity, many=False), status=status.HTTP_201_CREATED)


class PartnerActivityDetailView(generics.GenericAPIView):
    serializer_class = PartnerActivitySerializer
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(summary="One of your organisation's activities (partner token)")
    def get(self, request, pk: int):
        activity = _write(lambda: access_activity_for_partner(user=request.user, pk=pk))
        return Response(_present(activity, many=False))

    @extend_schema(
        request=PartnerActivityWriteSerializer,
        responses={
            200: PartnerActivitySerializer,
            400: OpenApiResponse(description="Invalid input"),
            404: OpenApiResponse(description="Not yours, or no longer a draft"),
        },
        summary="Change a draft of your organisation (partner token)",
    )
    def patch(self, request, pk: int):
        activity = _write(lambda: access_activity_for_partner(user=request.user, pk=pk))
        data = PartnerActivityWriteSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        activity = _write(
            lambda: services.partner_activity_update(
                actor=request.user, activity=activity, data=dict(data.validated_data)
            )
        )
        return Response(_present(activity, many=False))
