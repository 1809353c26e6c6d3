"""The seat booking form: a slot of today or a coming day, a name and an address."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import AccessibleErrorsMixin, HoneypotMixin, page_language
from ontmoet.registrations.models import MESSAGE_LANGUAGES


class SeatBookingForm(AccessibleErrorsMixin, HoneypotMixin, forms.Form):
    slot = forms.ChoiceField(label=_("When"))
    name = forms.CharField(
        label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    language = forms.ChoiceField(label=_("Language of our messages"), choices=MESSAGE_LANGUAGES)

    def __init__(self, *args, slots, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:  # our messages start in the language of the page
            self.initial.setdefault("language", page_language())
        self.slots = {s.starts_at.isoformat(): s for s in slots if s.free > 0}
        self.fields["slot"].choices = [
            (
                key,
                _("%(start)s–%(end)s (%(free)d free)")
                % {
                    "start": timezone.localtime(s.starts_at).strftime("%H:%M"),
                    "end": timezone.localtime(s.ends_at).strftime("%H:%M"),
                    "free": s.free,
                },
            )
            for key, s in self.slots.items()
        ]

    def starts_at(self):
        return self.slots[self.cleaned_data["slot"]].starts_at


class CheckInForm(AccessibleErrorsMixin, forms.Form):
    email = forms.EmailField(label=_("The email address you booked with"), max_length=254)


class CounterForm(forms.Form):
    """The name of a new door counter (where it hangs): text, at most the column's length;
    NUL bytes are refused (Django's CharField), not cut off or stored."""

    name = forms.CharField(
        label=_("New door counter, named"),
        max_length=120,
        error_messages={"required": _("Give the counter a name, such as where it hangs.")},
    )
