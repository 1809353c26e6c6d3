"""Forms of initiatives: the public "I have an idea" form (short questions, easy words),
the same entered by staff for someone on the phone or at the desk, a message, the review
checklist, and a decision (with what the draft activity needs when accepting)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import AccessibleErrorsMixin, HoneypotMixin
from ontmoet.programme.models import Format
from ontmoet.venues.models import Branch, Space

from .models import CHECKLIST, IDEA_FIELDS, Initiative

LABELS = {
    "title": _("What is your idea? (a few words)"),
    "description": _("Tell us more: what happens, and why?"),
    "audience": _("Who is it for?"),
    "branch": _("Which library? (optional)"),
    "neighbourhood": _("Which neighbourhood? (optional)"),
    "moments": _("When would suit you? (optional)"),
    "needs_room": _("I need a room"),
    "needs_promotion": _("I would like help to tell people about it"),
    "needs": _("What else do you need? (materials, help; optional)"),
    "initiator_name": _("Your name"),
    "initiator_email": _("Your email address"),
    "initiator_phone": _("Your phone number (optional)"),
    "language": _("Language of our messages"),
    "show_name": _("You may show my name as co-organiser"),
}

# The same questions for staff entering an idea told on the phone or at the desk: about the
# initiator, not "you".
STAFF_LABELS = {
    **LABELS,
    "title": _("What is the idea? (a few words)"),
    "description": _("More about the idea: what happens, and why?"),
    "moments": _("When would suit the initiator? (optional)"),
    "needs_room": _("The initiator needs a room"),
    "needs_promotion": _("The initiator would like help to tell people about it"),
    "needs": _("What else is needed? (materials, help; optional)"),
    "initiator_name": _("The initiator's name"),
    "initiator_email": _("The initiator's email address"),
    "initiator_phone": _("The initiator's phone number"),
    "language": _("Language of our messages to the initiator"),
    "show_name": _("The initiator agrees to be named as co-organiser"),
}


# The honeypot's field name, also in the support buttons' forms on the page of ideas.
HONEYPOT = HoneypotMixin.honeypot_name


class IdeaForm(HoneypotMixin, AccessibleErrorsMixin, forms.ModelForm):
    class Meta:
        model = Initiative
        fields = IDEA_FIELDS
        labels = LABELS
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "needs": forms.Textarea(attrs={"rows": 2}),
            "initiator_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "initiator_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "initiator_phone": forms.TextInput(attrs={"autocomplete": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branch"].empty_label = _("No preference")
        self.fields["neighbourhood"].empty_label = _("No preference")
        self.fields["initiator_name"].required = True
        self.fields["initiator_email"].required = True


class StaffIdeaForm(IdeaForm):
    """An idea told on the phone or at the desk: an email address or a phone number."""

    channel = forms.ChoiceField(
        label=_("How did the idea reach you?"),
        choices=[c for c in Initiative.Channel.choices if c[0] != "online"],
    )

    class Meta(IdeaForm.Meta):
        labels = STAFF_LABELS
        help_texts = {"initiator_phone": _("An email address or a phone number is enough.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["initiator_email"].required = False


class MessageForm(AccessibleErrorsMixin, forms.Form):
    text = forms.CharField(
        label=_("Your message"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReviewForm(AccessibleErrorsMixin, forms.Form):
    notes = forms.CharField(
        label=_("Notes of the review"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in CHECKLIST:
            self.fields[key] = forms.BooleanField(label=label, required=False)
        self.order_fields([key for key, _label in CHECKLIST] + ["notes"])


MOMENT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class DecisionForm(AccessibleErrorsMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[c for c in Initiative.Status.choices if c[0] != Initiative.Status.NEW],
    )
    reason = forms.CharField(
        label=_("Reason (the initiator reads it; needed for a decision)"),
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    format = forms.ModelChoiceField(
        label=_("Format of the draft activity (when accepting)"),
        queryset=Format.objects.all(),
        required=False,
    )
    branch = forms.ModelChoiceField(
        label=_("Branch"), queryset=Branch.objects.all(), required=False
    )
    space = forms.ModelChoiceField(
        label=_("Room to hold (optional)"),
        queryset=Space.objects.select_related("branch"),
        required=False,
    )
    starts_at = forms.DateTimeField(label=_("Starts at"), required=False, widget=MOMENT)
    ends_at = forms.DateTimeField(label=_("Ends at"), required=False, widget=MOMENT)

    def __init__(self, *args, branches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branch"].queryset = branches
        self.fields["space"].queryset = Space.objects.filter(branch__in=branches).select_related(
            "branch"
        )

    def draft(self) -> dict:
        keys = ("format", "branch", "space", "starts_at", "ends_at")
        return {k: self.cleaned_data.get(k) for k in keys if self.cleaned_data.get(k)}
