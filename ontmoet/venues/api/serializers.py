from rest_framework import serializers

from ontmoet.core.api import SlugListField


class DistrictSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    population = serializers.IntegerField(allow_null=True)
    population_year = serializers.IntegerField(allow_null=True)
    source = serializers.CharField()


class OpeningHoursSerializer(serializers.Serializer):
    weekday = serializers.IntegerField(help_text="0 = Monday … 6 = Sunday")
    opens = serializers.TimeField()
    closes = serializers.TimeField()


class SpaceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.CharField()
    capacity = serializers.IntegerField()
    accessibility_features = SlugListField()


class BranchSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    is_central = serializers.BooleanField()
    address = serializers.CharField()
    postcode = serializers.CharField()
    city = serializers.CharField()
    district = DistrictSerializer()
    latitude = serializers.DecimalField(max_digits=9, decimal_places=6, allow_null=True)
    longitude = serializers.DecimalField(max_digits=9, decimal_places=6, allow_null=True)
    description = serializers.CharField()
    accessibility_features = SlugListField()
    opening_hours = OpeningHoursSerializer(many=True)
    is_illustrative = serializers.BooleanField()
    url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


class BranchDetailSerializer(BranchSerializer):
    spaces = SpaceSerializer(many=True)
