"""Forms of partners: the organisation and its agreements (staff), an invitation, who
co-hosts an activity, and what a partner's contact fills in (the login, a draft activity, a
room request)."""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ontmoet.bookings.forms import TimeRangeForm
from ontmoet.core.forms import AccessibleErrorsMixin
from ontmoet.programme.models import Activity
from ontmoet.venues.models import Branch, Space

from .models import Agreement, Partner, Role

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MOMENT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class PartnerForm(AccessibleErrorsMixin, forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Partner
        fields = ["name", "kind", "description", "website", "branches", "is_public", "is_active"]
        widgets = {"branches": forms.CheckboxSelectMultiple}


class AgreementForm(AccessibleErrorsMixin, forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["kind", "title", "starts_on", "ends_on", "notes"]
        widgets = {"starts_on": DATE, "ends_on": DATE, "notes": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        if data.get("ends_on") and data.get("starts_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The end lies before the start."))
        return data


class InviteForm(AccessibleErrorsMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("Email address"), max_length=254)
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=settings.LANGUAGES)


HOST_ROWS = 5


class HostsForm(AccessibleErrorsMixin, forms.Form):
    """Up to ``HOST_ROWS`` partners with a role each; an empty row is skipped."""

    def __init__(self, *args, initial_hosts=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Former partners are not offered for new links, but the ones already linked stay
        # choosable: else saving the form again would drop them from the record's history.
        current = [partner.pk for partner, _role in initial_hosts]
        partners = Partner.objects.filter(Q(is_active=True) | Q(pk__in=current)).order_by("name")
        rows = list(initial_hosts) + [(None, "")] * HOST_ROWS
        for n, (partner, role) in enumerate(rows[: max(HOST_ROWS, len(initial_hosts) + 1)]):
            self.fields[f"partner_{n}"] = forms.ModelChoiceField(
                label=_("Partner %(n)d") % {"n": n + 1},
                queryset=partners,
                required=False,
                initial=partner,
            )
            self.fields[f"role_{n}"] = forms.ChoiceField(
                label=_("Role of partner %(n)d") % {"n": n + 1},
                choices=[("", "—"), *Role.choices],
                required=False,
                initial=role,
            )
        self.rows = [
            (self[f"partner_{n}"], self[f"role_{n}"]) for n in range(len(self.fields) // 2)
        ]

    def clean(self):
        data = super().clean()
        hosts, seen = [], set()
        for n in range(len(self.fields) // 2):
            partner, role = data.get(f"partner_{n}"), data.get(f"role_{n}")
            if partner is None:
                continue
            if not role:
                self.add_error(f"role_{n}", _("Choose a role."))
            elif partner.pk in seen:
                self.add_error(f"partner_{n}", _("A partner can have one role only."))
            else:
                seen.add(partner.pk)
                hosts.append((partner, role))
        data["hosts"] = hosts
        return data


class PartnerActivityForm(AccessibleErrorsMixin, forms.ModelForm):
    """What a partner fills in for an activity: the content, the branch and time, whether
    people register. The library adds the rest and publishes."""

    class Meta:
        model = Activity
        fields = [
            "title",
            "summary",
            "description",
            "summary_easy",
            "format",
            "themes",
            "audiences",
            "branch",
            "space",
            "starts_at",
            "ends_at",
            "accessibility_notes",
            "registration_mode",
            "capacity",
        ]
        widgets = {
            "starts_at": MOMENT,
            "ends_at": MOMENT,
            "themes": forms.CheckboxSelectMultiple,
            "audiences": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, branches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branch"].queryset = branches
        self.fields["space"].queryset = Space.objects.filter(branch__in=branches).select_related(
            "branch"
        )

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class PartnerRoomRequestForm(TimeRangeForm):
    """A partner's contact asks for a room: which, when, what for, for how many."""

    space = forms.ModelChoiceField(label=_("Space"), queryset=Space.objects.none())
    title = forms.CharField(label=_("What is it for?"), max_length=200)
    expected_people = forms.IntegerField(
        label=_("How many people do you expect?"), min_value=1, max_value=10_000
    )
    needs = forms.CharField(
        label=_("What do you need? (accessibility, materials; optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    field_order = ["space", "day", "start", "end", "title", "expected_people", "needs"]

    def __init__(self, *args, spaces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = spaces


class PartnerLoginForm(AuthenticationForm):
    """A partner's contact logs in with the email address the library invited them with."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The email address or the password is not right."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Email address")


def partner_branches(partner: Partner):
    """The branches a partner may plan for: its own, or all when it names none."""
    own = partner.branches.all()
    return own if own.exists() else Branch.objects.all()
