from django.db.models import Prefetch
from rest_framework import generics

from ..models import Branch, Space
from .serializers import BranchDetailSerializer, BranchSerializer


def _branches():
    return Branch.objects.select_related("district").prefetch_related(
        "opening_hours", "accessibility_features"
    )


class BranchListView(generics.ListAPIView):
    serializer_class = BranchSerializer
    pagination_class = None

    def get_queryset(self):
        return _branches()


class BranchDetailView(generics.RetrieveAPIView):
    serializer_class = BranchDetailSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return _branches().prefetch_related(
            Prefetch("spaces", queryset=Space.objects.prefetch_related("accessibility_features"))
        )
