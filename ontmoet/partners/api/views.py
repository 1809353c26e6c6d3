"""The public list of partners (open data): who the library programmes with."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers

from ontmoet.core.api import slug_param

from ..selectors import partner_list_public


class PartnerSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.SlugField()
    kind = serializers.CharField()
    description = serializers.CharField()
    website = serializers.URLField()
    branches = serializers.SerializerMethodField(help_text="Slugs; empty: every branch")
    url = serializers.SerializerMethodField()

    def get_branches(self, partner) -> list[str]:
        return [b.slug for b in partner.branches.all()]  # prefetched

    def get_url(self, partner) -> str:
        return self.context["request"].build_absolute_uri(partner.get_absolute_url())


class PartnerListView(generics.ListAPIView):
    serializer_class = PartnerSerializer
    pagination_class = None

    @extend_schema(
        parameters=[
            OpenApiParameter("branch", str, description="Slug of a branch"),
            OpenApiParameter("kind", str, description="Kind of organisation"),
        ],
        summary="The library's partners (public)",
        auth=[],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        partners = partner_list_public()
        branch = slug_param(self.request, "branch")
        if branch is not None:
            partners = partners.filter(branches__slug=branch)
        kind = slug_param(self.request, "kind")
        if kind is not None:
            partners = partners.filter(kind=kind)
        return partners
