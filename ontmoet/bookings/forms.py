"""Forms of room bookings: staff book a space (once or repeating), residents ask for one."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import AccessibleErrorsMixin, HoneypotMixin, page_language

from .models import LANGUAGES, Booking


class TimeRangeForm(AccessibleErrorsMixin, forms.Form):
    """A day and two times on it, in the browser's own pickers; ``clean`` adds the moments
    ``starts_at`` and ``ends_at`` (local time)."""

    day = forms.DateField(
        label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start = forms.TimeField(
        label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end = forms.TimeField(
        label=_("Until"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )

    def clean(self):
        data = super().clean()
        if data.get("day") and data.get("start") and data.get("end"):
            data["starts_at"] = _aware(data["day"], data["start"])
            data["ends_at"] = _aware(data["day"], data["end"])
            if data["ends_at"] <= data["starts_at"]:
                self.add_error("end", _("The end must lie after the start."))
        return data


class StaffBookingForm(TimeRangeForm):
    field_order = ["space", "day", "start", "end"]

    space = forms.ModelChoiceField(label=_("Space"), queryset=None, empty_label=None)
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
    repeat = forms.ChoiceField(
        label=_("Repeat"),
        required=False,
        choices=[
            ("", _("Once")),
            ("FREQ=WEEKLY", _("Every week")),
            ("FREQ=WEEKLY;INTERVAL=2", _("Every two weeks")),
            ("FREQ=DAILY", _("Every day")),
        ],
    )
    repeat_until = forms.DateField(
        label=_("Repeat until (this day included)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    skip_taken = forms.BooleanField(
        label=_("Book only the free dates and skip the others"),
        help_text=_("Skips the dates that are taken or outside the rules, such as a closing day."),
        required=False,
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
        if data.get("repeat"):
            until = data.get("repeat_until")
            if until is None:
                self.add_error("repeat_until", _("Say until when it repeats."))
            elif data.get("day") and until < data["day"]:
                self.add_error("repeat_until", _("This lies before the first day."))
            else:
                data["rule"] = f"{data['repeat']};UNTIL={until:%Y%m%d}"
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


class StaffBookingChangeForm(StaffBookingForm):
    """The same fields for one booking that exists: a date of a series changes alone."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("repeat", "repeat_until", "skip_taken"):
            del self.fields[name]


def _aware(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))


class BookingRequestForm(HoneypotMixin, TimeRangeForm):
    """A resident asks for a space: no account, the least we need to answer."""

    title = forms.CharField(label=_("What do you want to use the space for?"), max_length=200)
    expected_people = forms.IntegerField(
        label=_("How many people do you expect?"), min_value=1, max_value=10_000
    )
    needs = forms.CharField(
        label=_("What do you need? (accessibility, materials; optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    organisation = forms.CharField(
        label=_("For which organisation? (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    name = forms.CharField(
        label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    language = forms.ChoiceField(label=_("Language of our messages"), choices=LANGUAGES)

    def __init__(self, *args, for_organisations: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:  # our messages start in the language of the page
            self.initial.setdefault("language", page_language())
        if for_organisations:
            field = self.fields["organisation"]
            field.required, field.label = True, _("For which organisation?")

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "title": data["title"],
            "name": data["name"],
            "email": data["email"],
            "language": data["language"],
            "expected_people": data["expected_people"],
            "needs": data.get("needs") or "",
            "organisation": data.get("organisation") or "",
        }


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the requester reads it)"), max_length=300, required=False
    )
