"""Open data: live occupancy of the study zones, anonymous counts only; and the door
counters' reports (authenticated with the device's token)."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed, NotFound, ValidationError
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from ontmoet.core.api import slug_param
from ontmoet.venues.models import Branch

from .. import services
from ..forecast import FORECAST_WEEKS, zone_busy_hours
from ..models import CounterDevice
from ..selectors import occupancy_feed


class OccupancySerializer(serializers.Serializer):
    """The feed's shape, for the schema: the rows are written as ``occupancy_feed`` reads
    them (plain numbers and names; no serializer pass on a path apps poll)."""

    zone = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.CharField()
    branch = serializers.SlugField()
    open = serializers.BooleanField(help_text="Whether the branch is open now")
    seats = serializers.IntegerField()
    present = serializers.IntegerField()
    free = serializers.IntegerField(help_text="Seats free now; 0 while the branch is closed")


class OccupancyView(generics.GenericAPIView):
    serializer_class = OccupancySerializer
    pagination_class = None

    @extend_schema(
        parameters=[OpenApiParameter("branch", str, description="Slug of a branch")],
        responses={200: OccupancySerializer(many=True)},
        summary="How full the study zones are now (open data, no identities)",
        auth=[],
    )
    def get(self, request):
        # An unknown branch has no zones: an empty list, as for a branch without any.
        return Response(occupancy_feed(branch_slug=slug_param(request, "branch")))


class ForecastQuerySerializer(serializers.Serializer):
    branch = serializers.SlugField(max_length=80)
    weekday = serializers.IntegerField(
        min_value=0, max_value=6, required=False, help_text="0 is Monday; today when left out"
    )


class HourSerializer(serializers.Serializer):
    hour = serializers.IntegerField()
    present = serializers.IntegerField(help_text="People usually there (average of peaks)")
    share = serializers.IntegerField(help_text="Percentage of seats usually taken")


class ZoneForecastSerializer(serializers.Serializer):
    zone = serializers.IntegerField(source="zone.pk")
    name = serializers.CharField(source="zone.name")
    seats = serializers.IntegerField(source="zone.seats")
    hours = HourSerializer(many=True)


class ForecastSerializer(serializers.Serializer):
    branch = serializers.SlugField()
    weekday = serializers.IntegerField()
    weeks = serializers.IntegerField(help_text="How many past weeks the averages cover")
    zones = ZoneForecastSerializer(many=True)


class ForecastView(generics.GenericAPIView):
    serializer_class = ForecastSerializer

    @extend_schema(
        parameters=[ForecastQuerySerializer],
        summary="How busy the study zones of a branch usually are, per hour of a weekday",
        auth=[],
    )
    def get(self, request):
        query = ForecastQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        branch = Branch.objects.filter(slug=query.validated_data["branch"]).first()
        if branch is None:
            raise NotFound
        today = timezone.localdate()
        weekday = query.validated_data.get("weekday", today.weekday())
        zones = list(branch.study_zones.order_by("name"))
        by_zone = zone_busy_hours(zones=zones, weekday=weekday, today=today)
        body = {
            "branch": branch.slug,
            "weekday": weekday,
            "weeks": FORECAST_WEEKS,
            "zones": [{"zone": z, "hours": by_zone[z.pk]} for z in zones],
        }
        return Response(ForecastSerializer(body).data)


class CounterEventSerializer(serializers.Serializer):
    entered = serializers.IntegerField(min_value=0, max_value=10_000)
    left = serializers.IntegerField(min_value=0, max_value=10_000)


class CounterResultSerializer(serializers.Serializer):
    zone = serializers.IntegerField()
    present = serializers.IntegerField()


class DeviceTokenAuthentication(BaseAuthentication):
    """``Authorization: Device <token>``: a door counter, not a person."""

    def authenticate(self, request):
        scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
        if scheme != "Device":
            return None
        device = services.counter_by_token(token.strip())
        if device is None:
            raise AuthenticationFailed(_("Unknown or inactive device token."))
        return AnonymousUser(), device

    def authenticate_header(self, request) -> str:
        return "Device"


class IsCounterDevice(BasePermission):
    def has_permission(self, request, view) -> bool:
        return isinstance(request.auth, CounterDevice)


class CounterEventView(generics.GenericAPIView):
    """Only a door counter's token is accepted: no user session, no staff token."""

    serializer_class = CounterResultSerializer
    authentication_classes = [DeviceTokenAuthentication]
    permission_classes = [IsCounterDevice]

    @extend_schema(
        request=CounterEventSerializer,
        responses={201: CounterResultSerializer},
        summary="A door counter reports people in and out (device token)",
        auth=[],
    )
    def post(self, request):
        device = request.auth
        serializer = CounterEventSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            count = services.counter_event_record(device=device, **serializer.validated_data)
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from None
        body = {"zone": count.zone_id, "present": count.present}
        return Response(CounterResultSerializer(body).data, status=status.HTTP_201_CREATED)
