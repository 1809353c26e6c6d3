"""Forms of the programme: the public filter form and the staff activity form."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import AccessibleErrorsMixin
from ontmoet.venues.models import Space

from .models import SPOKEN_LANGUAGES, Activity
from .selectors import FILTER_LISTS, ProgrammeFilters, filter_option, filter_options
from .services import EDITABLE_FIELDS

MAX_PAGE = 500
MAX_IMAGE_BYTES = 5 * 1024 * 1024


def _slug_choices(items, empty_label):
    return [("", empty_label)] + [
        (item.slug, item.label if hasattr(item, "label") else str(item)) for item in items
    ]


class ProgrammeFilterForm(forms.Form):
    """Every filter state is a GET query string, so it can be shared and bookmarked."""

    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    branch = forms.ChoiceField(label=_("Branch"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    audience = forms.ChoiceField(label=_("For whom"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)
    accessibility = forms.ChoiceField(label=_("Accessibility"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    page = forms.IntegerField(
        min_value=1, max_value=MAX_PAGE, required=False, widget=forms.HiddenInput
    )

    EMPTY_LABELS = {
        "branch": _("All branches"),
        "district": _("All districts"),
        "theme": _("All themes"),
        "audience": _("Everyone"),
        "format": _("All formats"),
        "accessibility": _("No requirement"),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        options = filter_options()
        for field, empty in self.EMPTY_LABELS.items():
            self.fields[field].choices = _slug_choices(options[FILTER_LISTS[field]], empty)

    def clean_q(self):
        value = self.cleaned_data["q"]
        # NUL and the replacement character (from broken percent-encoding) are refused.
        if "\x00" in value or "\ufffd" in value:
            raise ValidationError(_("The search text contains characters that are not allowed."))
        return value.strip()

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            raise ValidationError(_("The end date lies before the start date."))
        for field in ("date_from", "date_to"):
            day = data.get(field)
            if day and not (datetime.date(2000, 1, 1) <= day <= datetime.date(2100, 12, 31)):
                self.add_error(field, _("Choose a date between 2000 and 2100."))
        return data

    def _lookup(self, field):
        slug = self.cleaned_data.get(field)
        return filter_option(field, slug) if slug else None

    def to_filters(self) -> ProgrammeFilters:
        return ProgrammeFilters(
            **{field: self._lookup(field) for field in FILTER_LISTS},
            date_from=self.cleaned_data.get("date_from"),
            date_to=self.cleaned_data.get("date_to"),
            q=self.cleaned_data.get("q", ""),
        )

    @property
    def page_number(self) -> int:
        return self.cleaned_data.get("page") or 1


class LinesField(forms.CharField):
    """A list of short strings entered one per line."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        text = super().to_python(value) or ""
        return [line.strip()[:200] for line in text.splitlines() if line.strip()][:20]


class ActivityForm(AccessibleErrorsMixin, forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Spoken languages"),
        choices=SPOKEN_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organisers = LinesField(label=_("Organisers (one per line)"), required=False)

    class Meta:
        model = Activity
        fields = EDITABLE_FIELDS
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "ends_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "registration_opens_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "registration_closes_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "themes": forms.CheckboxSelectMultiple,
            "audiences": forms.CheckboxSelectMultiple,
            "library_functions": forms.CheckboxSelectMultiple,
            "accessibility_features": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, branches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branch"].queryset = branches
        self.fields["space"].queryset = Space.objects.filter(branch__in=branches).select_related(
            "branch"
        )

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and getattr(image, "size", 0) > MAX_IMAGE_BYTES:
            raise ValidationError(_("The image is larger than 5 MB."))
        return image

    def service_data(self) -> dict:
        data = {
            name: self.cleaned_data[name] for name in self.Meta.fields if name in self.cleaned_data
        }
        if data.get("image") is False:  # the "clear" box was ticked
            data["image"] = ""
        return data


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (shown to the public)"), max_length=300, required=False
    )


class SessionForm(forms.Form):
    """A further meeting of a course, added from the staff activity page."""

    starts_at = forms.DateTimeField(
        label=_("Starts at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    ends_at = forms.DateTimeField(
        label=_("Ends at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
