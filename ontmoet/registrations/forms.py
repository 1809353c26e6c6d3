"""Forms of registrations: the public registration form, changing places, and the staff
forms (assisted registration, moving a waiting-list entry)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import AccessibleErrorsMixin, HoneypotMixin, page_language

from .models import MESSAGE_LANGUAGES, Registration
from .services import Applicant
from .tokens import new_token, sign_form_token, unsign_form_token


def seat_choices(maximum: int):
    return [(n, str(n)) for n in range(1, maximum + 1)]


class RegistrationForm(AccessibleErrorsMixin, HoneypotMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We send your confirmation and your personal link here."),
    )
    seats = forms.TypedChoiceField(label=_("Number of places"), coerce=int)
    needs = forms.MultipleChoiceField(
        label=_("Anything we should arrange? (optional)"),
        choices=Registration.Need.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    language = forms.ChoiceField(
        label=_("Language of our messages"),
        choices=MESSAGE_LANGUAGES,
        widget=forms.RadioSelect,
    )
    priority = forms.MultipleChoiceField(
        label=_("Places are reserved in the lottery for some groups. Does this apply to you?"),
        choices=Registration.Priority.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick only what is true; we do not check it, we trust you."),
    )
    form_token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, activity, **kwargs):
        super().__init__(*args, **kwargs)
        groups = []
        if activity.lottery_quota_first_time:
            groups.append(Registration.Priority.FIRST_TIME)
        if activity.lottery_quota_district and activity.branch.district_id:
            groups.append(Registration.Priority.DISTRICT)
        if activity.allocation == activity.Allocation.LOTTERY and groups:
            self.fields["priority"].choices = [
                (
                    g.value,
                    _("I live in %(district)s") % {"district": activity.branch.district.name}
                    if g == Registration.Priority.DISTRICT
                    else g.label,
                )
                for g in groups
            ]
        else:
            del self.fields["priority"]
        self.fields["seats"].choices = seat_choices(activity.max_seats_per_registration)
        self.fields["seats"].help_text = _(
            "Coming with your household or a group? Register everyone at once."
        )
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        if not self.is_bound:
            self.initial.setdefault("language", page_language())
            self.initial["form_token"] = sign_form_token(new_token())

    def clean_form_token(self):
        token = unsign_form_token(self.cleaned_data["form_token"])
        if token is None:
            # Not the hidden field's fault as far as the resident can see: a form-wide error.
            self.add_error(
                None, _("This form has expired. Please check your details and send it again.")
            )
            self.data = self.data.copy()
            self.data["form_token"] = sign_form_token(new_token())
        return token

    def applicant(self) -> Applicant:
        data = self.cleaned_data
        return Applicant(
            name=data["name"],
            email=data["email"],
            seats=data["seats"],
            needs=tuple(data["needs"]),
            language=data["language"],
            priority=tuple(data.get("priority", ())),
        )


class ChangeSeatsForm(AccessibleErrorsMixin, forms.Form):
    seats = forms.TypedChoiceField(label=_("Number of places"), coerce=int)

    def __init__(self, *args, maximum: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seats"].choices = seat_choices(maximum)


class AssistedRegistrationForm(AccessibleErrorsMixin, forms.Form):
    """At the desk or on the phone: a phone number is enough."""

    name = forms.CharField(label=_("Name"), max_length=150)
    phone = forms.CharField(label=_("Phone number"), max_length=40, required=False)
    email = forms.EmailField(label=_("Email address (optional)"), max_length=254, required=False)
    seats = forms.TypedChoiceField(label=_("Number of places"), coerce=int)
    needs = forms.MultipleChoiceField(
        label=_("Needs"),
        choices=Registration.Need.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    language = forms.ChoiceField(label=_("Language of our messages"), choices=MESSAGE_LANGUAGES)

    def __init__(self, *args, activity, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seats"].choices = seat_choices(activity.max_seats_per_registration)

    def clean(self):
        data = super().clean()
        if not data.get("phone") and not data.get("email"):
            raise forms.ValidationError(_("Enter a phone number or an email address."))
        return data

    def applicant(self) -> Applicant:
        data = self.cleaned_data
        return Applicant(
            name=data["name"],
            email=data.get("email") or "",
            phone=data.get("phone") or "",
            seats=data["seats"],
            needs=tuple(data["needs"]),
            language=data["language"],
        )


class WaitlistMoveForm(AccessibleErrorsMixin, forms.Form):
    """Move one entry; ``waiting`` is the waiting list, read once for all the page's forms."""

    before = forms.TypedChoiceField(label=_("Move in front of"), coerce=int, required=False)
    reason = forms.CharField(label=_("Reason (logged)"), max_length=300)

    def __init__(self, *args, registration, waiting, **kwargs):
        super().__init__(*args, **kwargs)
        self.others = {r.pk: r for r in waiting if r.pk != registration.pk}
        self.fields["before"].choices = [("", _("the end of the waiting list"))] + [
            (r.pk, f"{r.name} ({r.seats})") for r in self.others.values()
        ]

    def clean_before(self) -> Registration | None:
        chosen = self.cleaned_data["before"]
        return self.others[chosen] if chosen not in (None, "") else None


class LookupForm(AccessibleErrorsMixin, HoneypotMixin, forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)
