from django import forms
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import AccessibleErrorsMixin


class LinesField(forms.CharField):
    """One name per line."""

    widget = forms.Textarea(attrs={"rows": 3})

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value


class DebateForm(AccessibleErrorsMixin, forms.Form):
    motion = forms.CharField(label=_("Motion"), max_length=300)
    speakers_for = LinesField(label=_("Speakers for (one per line)"), required=False)
    speakers_against = LinesField(label=_("Speakers against (one per line)"), required=False)
    moderator = forms.CharField(label=_("Moderator"), max_length=150, required=False)
