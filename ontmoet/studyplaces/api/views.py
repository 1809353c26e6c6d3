"""Open data: live occupancy of the study zones, anonymous counts only; and the door
counters' reports (authenticated with the device's token)."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed, ValidationError
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from ontmoet.venues.models import Branch

from .. import services
from ..models import CounterDevice
from ..selectors import occupancy


class OccupancySerializer(serializers.Serializer):
    zone = serializers.IntegerField(source="zone.pk")
    name = serializers.CharField(source="zone.name")
    kind = serializers.CharField(source="zone.kind")
    branch = serializers.SlugField(source="zone.branch.slug")
    seats = serializers.IntegerField(source="zone.seats")
    present = serializers.IntegerField()
    free = serializers.IntegerField()


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
        branch = None
        slug = request.query_params.get("branch")
        if slug is not None:
            branch = Branch.objects.filter(slug=slug[:80]).first()
            if branch is None:
                return Response([])
        return Response(OccupancySerializer(occupancy(branch=branch), many=True).data)


class CounterEventSerializer(serializers.Serializer):
    entered = serializers.IntegerField(min_value=0, max_value=10_000)
    left = serializers.IntegerField(min_value=0, max_value=10_000)


class CounterResultSerializer(serializers.Serializer):
    zone = serializers.IntegerField()
    present = serializers.IntegerField()


class DeviceTokenAuthentication(BaseAuthentication):
    """``Authorization: Device <token>``: a door counter, not a person."""

    def authenticate(self, request):
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme != "Device":
            return None
        device = services.counter_by_token(token.strip())
        if device is None:
            raise AuthenticationFailed("Unknown or inactive device token.")
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
