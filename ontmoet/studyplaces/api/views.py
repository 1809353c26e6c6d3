"""Open data: live occupancy of the study zones, anonymous counts only."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.response import Response

from ontmoet.venues.models import Branch

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
