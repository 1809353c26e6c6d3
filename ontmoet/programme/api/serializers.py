"""API shapes. Output serializers only present; input serializers validate and feed services."""

import re

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ontmoet.core.api import MomentField
from ontmoet.venues.models import AccessibilityFeature, Branch, Space

from ..links import ActivityLinks
from ..models import (
    SPOKEN_LANGUAGES,
    Activity,
    Audience,
    Format,
    LibraryFunction,
    Series,
    Theme,
)


class TaxonomySerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    name_en = serializers.CharField()


class ThemeSerializer(TaxonomySerializer):
    sdgs = serializers.ListField(child=serializers.IntegerField())
    url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


class BranchRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


def _taxonomy(item) -> dict:
    return {"slug": item.slug, "name": item.name, "name_en": item.name_en}


_DATETIME = MomentField()


def _datetime(value) -> str | None:
    return _DATETIME.to_representation(value) if value else None


class ActivitySerializer(serializers.Serializer):
    """One activity as the API presents it.

    The fields below document the shape (OpenAPI); ``to_representation`` builds it directly,
    because DRF's field-by-field walk over nested serializers cost more than the database
    for a page of 20. Expects the activity's taxonomies attached by
    ``selectors.attach_taxonomies``; a test keeps the two in step.
    """

    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    description = serializers.CharField()
    summary_easy = serializers.CharField()
    status = serializers.CharField()
    starts_at = MomentField()
    ends_at = MomentField()
    format = TaxonomySerializer()
    themes = TaxonomySerializer(many=True)
    audiences = TaxonomySerializer(many=True)
    library_functions = TaxonomySerializer(many=True)
    branch = BranchRefSerializer()
    space = serializers.CharField(allow_null=True)
    series = serializers.SlugField(allow_null=True)
    languages = serializers.ListField(child=serializers.CharField())
    accessibility_features = serializers.ListField(child=serializers.SlugField())
    accessibility_notes = serializers.CharField()
    organisers = serializers.ListField(child=serializers.CharField())
    registration_mode = serializers.CharField()
    capacity = serializers.IntegerField(allow_null=True)
    registration_opens_at = MomentField(allow_null=True)
    registration_closes_at = MomentField(allow_null=True)
    url = serializers.URLField()
    ical_url = serializers.URLField()

    def to_representation(self, instance) -> dict:
        a = instance
        if "links" not in self.context:  # once per page, shared by its items
            self.context["links"] = ActivityLinks()
            self.context["origin"] = self.context["request"].build_absolute_uri("/")[:-1]
        links, origin = self.context["links"], self.context["origin"]
        return {
            "id": a.pk,
            "title": a.title,
            "summary": a.summary,
            "description": a.description,
            "summary_easy": a.summary_easy,
            "status": a.status,
            "starts_at": _datetime(a.starts_at),
            "ends_at": _datetime(a.ends_at),
            "format": _taxonomy(a.format),
            "themes": [_taxonomy(t) for t in a.themes_list],
            "audiences": [_taxonomy(t) for t in a.audiences_list],
            "library_functions": [_taxonomy(t) for t in a.library_functions_list],
            "branch": {
                "slug": a.branch.slug,
                "name": a.branch.name,
                "url": origin + links.branch(a.branch),
            },
            "space": a.space.name if a.space_id else None,
            "series": a.series.slug if a.series_id else None,
            "languages": list(a.languages),
            "accessibility_features": [f.slug for f in a.accessibility_features_list],
            "accessibility_notes": a.accessibility_notes,
            "organisers": list(a.organisers),
            "registration_mode": a.registration_mode,
            "capacity": a.capacity,
            "registration_opens_at": _datetime(a.registration_opens_at),
            "registration_closes_at": _datetime(a.registration_closes_at),
            "url": origin + links.detail(a),
            "ical_url": origin + links.ical(a),
        }


class SessionSerializer(serializers.Serializer):
    starts_at = MomentField()
    ends_at = MomentField()


class ActivityDetailSerializer(ActivitySerializer):
    """For the schema: the detail adds the live places (filled in by the view)."""

    seats_available = serializers.IntegerField(
        allow_null=True, help_text="Places left; null when there is no limit."
    )
    waitlist_length = serializers.IntegerField(help_text="Entries on the waiting list.")
    sessions = SessionSerializer(
        many=True, help_text="Further meetings of a course; one registration covers all."
    )


class ActivityListQuerySerializer(serializers.Serializer):
    """The programme's filters as query parameters."""

    branch = serializers.SlugField(required=False, max_length=80)
    district = serializers.SlugField(required=False, max_length=80)
    theme = serializers.SlugField(required=False, max_length=80)
    audience = serializers.SlugField(required=False, max_length=80)
    format = serializers.SlugField(required=False, max_length=80)
    accessibility = serializers.SlugField(required=False, max_length=80)
    q = serializers.CharField(required=False, max_length=200, allow_blank=True)
    from_ = serializers.DateField(required=False, label="from")
    to = serializers.DateField(required=False)

    def to_internal_value(self, data):
        data = data.copy()
        if "from" in data:
            data["from_"] = data.pop("from")[-1] if hasattr(data, "getlist") else data.pop("from")
        return super().to_internal_value(data)

    def validate(self, attrs):
        start, end = attrs.get("from_"), attrs.get("to")
        if start and end and end < start:
            raise serializers.ValidationError({"to": _("'to' lies before 'from'.")})
        return attrs


class SlugReferenceField(serializers.SlugRelatedField):
    """A reference by slug that checks the slug's form before asking the database, so a
    value like "a\x00b" is "not found" instead of an error from PostgreSQL."""

    def to_internal_value(self, data):
        if not isinstance(data, str) or not SLUG.fullmatch(data):
            self.fail("does_not_exist", slug_name=self.slug_field, value=str(data)[:80])
        return super().to_internal_value(data)


SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")


def _slug_field(model, **kwargs):
    return SlugReferenceField(slug_field="slug", queryset=model.objects.all(), **kwargs)


class ActivityWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    summary = serializers.CharField(max_length=300)
    description = serializers.CharField(required=False, allow_blank=True, max_length=20_000)
    summary_easy = serializers.CharField(required=False, allow_blank=True, max_length=2_000)
    format = _slug_field(Format)
    themes = _slug_field(Theme, many=True, required=False)
    audiences = _slug_field(Audience, many=True, required=False)
    library_functions = _slug_field(LibraryFunction, many=True, required=False)
    branch = _slug_field(Branch)
    space = serializers.PrimaryKeyRelatedField(
        queryset=Space.objects.all(), required=False, allow_null=True
    )
    series = _slug_field(Series, required=False, allow_null=True)
    starts_at = MomentField()
    ends_at = MomentField()
    languages = serializers.ListField(
        child=serializers.ChoiceField(choices=[c for c, _ in SPOKEN_LANGUAGES]),
        required=False,
        max_length=10,
    )
    accessibility_features = _slug_field(AccessibilityFeature, many=True, required=False)
    accessibility_notes = serializers.CharField(required=False, allow_blank=True, max_length=2_000)
    organisers = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, max_length=20
    )
    registration_mode = serializers.ChoiceField(
        choices=Activity.RegistrationMode.choices, required=False
    )
    capacity = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=100_000
    )
    registration_opens_at = MomentField(required=False, allow_null=True)
    registration_closes_at = MomentField(required=False, allow_null=True)
    status = serializers.ChoiceField(
        choices=[Activity.Status.PUBLISHED, Activity.Status.CANCELLED],
        required=False,
        help_text="Publish or cancel; a new activity is a draft unless this says otherwise.",
    )
    cancellation_reason = serializers.CharField(required=False, allow_blank=True, max_length=300)
