from django import forms
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import AccessibleErrorsMixin


class LinesField(forms.CharField):
    """One name per line. How many, and how long, is the service's to check
    (``services.MAX_SPEAKERS``, ``NAME_LENGTH``); the page shows its refusal at the field."""

    widget = forms.Textarea(attrs={"rows": 3})

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def run_validators(self, value):
        # Per line: a NUL byte hidden in a list would pass a check of the list's repr.
        for line in value or []:
            super().run_validators(line)


class DebateForm(AccessibleErrorsMixin, forms.Form):
    motion = forms.CharField(label=_("Motion"), max_length=300)
    speakers_for = LinesField(label=_("Speakers for (one per line)"), required=False)
    speakers_against = LinesField(label=_("Speakers against (one per line)"), required=False)
    moderator = forms.CharField(label=_("Moderator"), max_length=150, required=False)


class QuestionForm(forms.Form):
    """A question from the hall. Its length is the service's to check (after runs of spaces
    are folded); the form refuses what no text field may hold, such as NUL bytes. The vote
    page draws the fields itself, with the ids ``question-text`` and ``question-first_name``
    (``auto_id``), so that the error summary links to them."""

    text = forms.CharField(
        label=_("Your question"), error_messages={"required": _("Write your question.")}
    )
    first_name = forms.CharField(
        label=_("Your first name"),
        max_length=40,
        required=False,
        error_messages={
            "max_length": _("Your first name can be at most %(limit_value)d characters.")
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "question-%s")
        super().__init__(*args, **kwargs)
