"""The staff booking form: a space of the branch, a day and two times, what for."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import AccessibleErrorsMixin

from .models import Booking


class StaffBookingForm(AccessibleErrorsMixin, forms.Form):
    space = forms.ModelChoiceField(label=_("Space"), queryset=None, empty_label=None)
    day = forms.DateField(
        label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start = forms.TimeField(
        label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end = forms.TimeField(
        label=_("Until"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    title = forms.CharField(label=_("What for"), max_length=200)
    purpose = forms.ChoiceField(
        label=_("Purpose"),
        choices=[c for c in Booking.Purpose.choices if c[0] != Booking.Purpose.ACTIVITY],
    )
    expected_people = forms.IntegerField(
        label=_("Expected number of people"), min_value=1, max_value=100_000, required=False
    )
    notes = forms.CharField(
        label=_("Notes"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    override_reason = forms.CharField(
        label=_("Reason to book outside the rules"),
        max_length=300,
        required=False,
        help_text=_("Only needed outside opening hours, for a long booking or far ahead."),
    )

    def __init__(self, *args, spaces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = spaces

    def clean(self):
        data = super().clean()
        if data.get("day") and data.get("start") and data.get("end"):
            data["starts_at"] = _aware(data["day"], data["start"])
            data["ends_at"] = _aware(data["day"], data["end"])
            if data["ends_at"] <= data["starts_at"]:
                self.add_error("end", _("The end must lie after the start."))
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "space": data["space"],
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "title": data["title"],
            "purpose": data["purpose"],
            "expected_people": data.get("expected_people"),
            "notes": data.get("notes") or "",
            "override_reason": data.get("override_reason") or "",
        }


def _aware(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))
