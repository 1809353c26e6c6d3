"""API shapes of registrations: input serializers feed the services, output ones present."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ontmoet.core.api import MessageLanguageField

from ..models import MESSAGE_LANGUAGES, Registration


class RegistrationCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=150)
    email = serializers.EmailField(max_length=254)
    seats = serializers.IntegerField(min_value=1, max_value=50)
    language = MessageLanguageField(choices=MESSAGE_LANGUAGES)
    needs = serializers.ListField(
        child=serializers.ChoiceField(choices=Registration.Need.choices),
        required=False,
        max_length=len(Registration.Need.choices),
    )

    def validate_name(self, value: str) -> str:
        if not value.strip():
            raise serializers.ValidationError(_("Enter your name."))
        return value


class RegistrationResultSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Registration.Status.choices)
    seats = serializers.IntegerField()
    waitlist_position = serializers.IntegerField(allow_null=True)
    offer_expires_at = serializers.DateTimeField(allow_null=True)
    manage_url = serializers.URLField()
    erase_on = serializers.DateField()


class CancelSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=64)


class StaffRegistrationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Registration
        fields = [
            "id",
            "status",
            "seats",
            "name",
            "email",
            "phone",
            "needs",
            "language",
            "channel",
            "position",
            "offer_expires_at",
            "ticket_code",
            "checked_in_at",
            "created_at",
            "ended_at",
            "ending",
        ]
        read_only_fields = fields


class CheckInSerializer(serializers.Serializer):
    ticket_code = serializers.CharField(max_length=12)
    present = serializers.BooleanField(default=True)
