"""API shapes of spaces and room bookings: input serializers feed the services, output ones
present."""

from rest_framework import serializers

from ontmoet.core.api import MessageLanguageField, MomentField, SlugListField

from ..models import LANGUAGES, Booking
from ..services import EARLIEST, LATEST


class BookableSpaceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.CharField()
    capacity = serializers.IntegerField()
    floor = serializers.CharField()
    branch = serializers.SlugField(source="branch.slug")
    accessibility_features = SlugListField()


class AvailabilityQuerySerializer(serializers.Serializer):
    # "from" is a Python keyword: the field is declared under its own name below.
    to = MomentField()

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = MomentField()
        return fields

    def validate(self, data):
        for name in ("from", "to"):
            if not EARLIEST <= data[name] < LATEST:
                raise serializers.ValidationError({name: "must lie in this century"})
        if data["to"] <= data["from"]:
            raise serializers.ValidationError({"to": "must lie after from"})
        if (data["to"] - data["from"]).days > 31:
            raise serializers.ValidationError({"to": "at most 31 days after from"})
        return data


class BusySerializer(serializers.Serializer):
    starts_at = MomentField(help_text="Held from (set-up included)")
    ends_at = MomentField(help_text="Held until (clean-up included)")
    status = serializers.ChoiceField(choices=Booking.Status.choices)
    title = serializers.CharField(help_text="Empty unless you are staff")


class AvailabilitySerializer(serializers.Serializer):
    space = serializers.IntegerField()
    busy = BusySerializer(many=True)

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = MomentField()
        fields["to"] = MomentField()
        return fields


class BranchAvailabilityQuerySerializer(AvailabilityQuerySerializer):
    branch = serializers.SlugField(max_length=80)


class SpaceBusySerializer(serializers.Serializer):
    space = serializers.IntegerField()
    name = serializers.CharField()
    busy = BusySerializer(many=True)


class BranchAvailabilitySerializer(serializers.Serializer):
    branch = serializers.SlugField()
    spaces = SpaceBusySerializer(many=True)

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = MomentField()
        fields["to"] = MomentField()
        return fields


class BookingCreateSerializer(serializers.Serializer):
    space = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    starts_at = MomentField()
    ends_at = MomentField()
    title = serializers.CharField(max_length=200)
    purpose = serializers.ChoiceField(
        choices=Booking.Purpose.choices, default=Booking.Purpose.INTERNAL
    )
    setup_minutes = serializers.IntegerField(min_value=0, max_value=120, required=False)
    cleanup_minutes = serializers.IntegerField(min_value=0, max_value=120, required=False)
    override_reason = serializers.CharField(max_length=300, required=False, default="")
    expected_people = serializers.IntegerField(min_value=1, max_value=100_000, required=False)
    notes = serializers.CharField(max_length=2000, required=False, default="", allow_blank=True)


class BookingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Booking
        fields = [
            "id",
            "space",
            "starts_at",
            "ends_at",
            "setup_minutes",
            "cleanup_minutes",
            "blocked_from",
            "blocked_until",
            "status",
            "purpose",
            "title",
            "activity",
            "override_reason",
            "expected_people",
        ]
        read_only_fields = fields


class ConflictSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    blocked_from = MomentField()
    blocked_until = MomentField()


class SeriesCreateSerializer(BookingCreateSerializer):
    rule = serializers.CharField(
        max_length=300, help_text="RRULE (RFC 5545) with COUNT or UNTIL, e.g. FREQ=WEEKLY;COUNT=10"
    )
    skip_taken = serializers.BooleanField(
        default=False, help_text="Book the free dates and report the taken ones"
    )
    expected_people = None  # per occurrence it is the same booking: not asked here


class OccurrenceSerializer(serializers.Serializer):
    starts_at = MomentField()
    ends_at = MomentField()
    conflicts = serializers.ListField(
        child=serializers.IntegerField(), help_text="The bookings in the way"
    )
    outside_rules = serializers.ListField(
        child=serializers.CharField(), help_text="What the space's rules say against the date"
    )


class SeriesSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    rule = serializers.CharField()
    bookings = BookingSerializer(many=True)
    skipped = OccurrenceSerializer(many=True)


class BookingRequestSerializer(serializers.Serializer):
    starts_at = MomentField()
    ends_at = MomentField()
    title = serializers.CharField(max_length=200, help_text="What the space is for")
    name = serializers.CharField(max_length=150)
    email = serializers.EmailField(max_length=254)
    language = MessageLanguageField(choices=LANGUAGES)
    expected_people = serializers.IntegerField(min_value=1, max_value=10_000)
    needs = serializers.CharField(max_length=1000, required=False, default="", allow_blank=True)
    organisation = serializers.CharField(
        max_length=200,
        required=False,
        default="",
        allow_blank=True,
        help_text="Required for a space lent to partners",
    )


class BookingRequestResultSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Booking.Status.choices)
    starts_at = MomentField()
    ends_at = MomentField()
    decision_before = MomentField(allow_null=True)
