from django import forms
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import AccessibleErrorsMixin
from ontmoet.programme.models import Theme

from .models import Pairing


class ClubForm(AccessibleErrorsMixin, forms.Form):
    name = forms.CharField(label=_("Name of the club"), max_length=120)
    branch = forms.ModelChoiceField(label=_("Branch"), queryset=None)
    coach = forms.CharField(label=_("Coach"), max_length=150, required=False)

    def __init__(self, *args, branches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branch"].queryset = branches


class MemberForm(AccessibleErrorsMixin, forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=40)
    school_class = forms.CharField(label=_("School or class"), max_length=80, required=False)
    guardian_email = forms.EmailField(
        label=_("Email address of a parent or guardian (optional)"), required=False
    )


class TournamentForm(AccessibleErrorsMixin, forms.Form):
    name = forms.CharField(label=_("Name of the tournament"), max_length=150)


class TeamForm(AccessibleErrorsMixin, forms.Form):
    name = forms.CharField(label=_("Name of the team"), max_length=80)
    members = forms.ModelMultipleChoiceField(
        label=_("Speakers (two to four)"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = members


class SessionsForm(AccessibleErrorsMixin, forms.Form):
    starts_at = forms.DateTimeField(
        label=_("First session starts at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    minutes = forms.IntegerField(
        label=_("Length (minutes)"), min_value=15, max_value=480, initial=90
    )
    weeks = forms.IntegerField(
        label=_("Every week, this many times"), min_value=1, max_value=20, initial=6
    )
    space = forms.ModelChoiceField(label=_("Room (optional)"), queryset=None, required=False)

    def __init__(self, *args, spaces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = spaces


class MotionForm(AccessibleErrorsMixin, forms.Form):
    text = forms.CharField(label=_("Motion"), max_length=300)
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    for_beginners = forms.BooleanField(label=_("Suits beginners"), required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.all()


class FinalForm(forms.Form):
    """The final of a tournament, to be put in the public programme."""

    motion = forms.CharField(label=_("Motion"), max_length=300)
    starts_at = forms.DateTimeField(
        label=_("Starts at"),
        error_messages={"required": _("Give the date and time of the final.")},
    )


class BallotForm(forms.Form):
    """The adjudicator's ballot: the winning side, a score for every speaker (one field per
    speaker, ``score-<member id>``) and the adjudicator's name."""

    winner = forms.ChoiceField(
        choices=Pairing.Side.choices,
        error_messages={
            "required": _("Choose the winning side."),
            "invalid_choice": _("Choose the winning side."),
        },
    )
    adjudicator = forms.CharField(max_length=80, required=False)

    def __init__(self, *args, speakers, **kwargs):
        super().__init__(*args, **kwargs)
        self.speakers = list(speakers)
        out_of_range = _("Scores run from 50 to 100.")
        for member in self.speakers:
            self.fields[f"score-{member.pk}"] = forms.IntegerField(
                min_value=50,
                max_value=100,
                error_messages={
                    "required": _("Give every speaker a score."),
                    "invalid": out_of_range,
                    "min_value": out_of_range,
                    "max_value": out_of_range,
                },
            )

    @property
    def scores(self) -> dict[int, int]:
        return {m.pk: self.cleaned_data[f"score-{m.pk}"] for m in self.speakers}

    @property
    def messages(self) -> list[str]:
        """Each error once (every speaker's missing score is the same message)."""
        return list(dict.fromkeys(m for errors in self.errors.values() for m in errors))
