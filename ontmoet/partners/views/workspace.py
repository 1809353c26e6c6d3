"""The partner workspace: what a partner's contact sees after logging in — the activities
their organisation co-organises (and the published ones of the series it co-hosts) with
registration counts (and, where a data processing
agreement covers the activity's date, who registered), their draft proposals, their room
requests. Accepting an invitation sets the password. Anything not their partner's is 404.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django.views.generic import FormView, TemplateView

from ontmoet.bookings.models import Booking
from ontmoet.bookings.services import (
    REQUESTABLE,
    TAKEN_FOR_THE_PUBLIC,
    BookingConflict,
    RequestRefused,
)
from ontmoet.core.forms import add_service_errors
from ontmoet.core.login import RateLimitedLoginView
from ontmoet.registrations.models import Tally
from ontmoet.venues.models import Space

from .. import services
from ..forms import (
    PartnerActivityForm,
    PartnerLoginForm,
    PartnerRoomRequestForm,
    partner_branches,
)
from ..permissions import (
    access_activity_for_partner,
    activities_of_partner,
    partner_of,
    registrants_for_partner,
)


class PartnerMemberMixin(AccessMixin):
    """Logged in as a contact of an active partner; else the login page or a 404."""

    login_url = reverse_lazy("partners:login")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.partner = partner_of(request.user)
        if self.partner is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(partner=self.partner, **kwargs)


class WorkspaceView(PartnerMemberMixin, TemplateView):
    template_name = "partners/workspace/home.html"

    def get_context_data(self, **kwargs):
        activities = list(
            activities_of_partner(self.partner)
            .select_related("branch", "series")
            .order_by("-starts_at")
        )
        tallies = Tally.objects.in_bulk([a.pk for a in activities])
        now = timezone.now()
        rows = [(a, tallies.get(a.pk)) for a in activities]
        requests = (
            Booking.objects.filter(requester_partner=self.partner, ends_at__gte=now)
            .select_related("space__branch")
            .order_by("starts_at")
        )
        return super().get_context_data(
            drafts=[r for r in rows if r[0].status == "draft"],
            upcoming=[r for r in rows if r[0].status != "draft" and r[0].ends_at >= now][::-1],
            past=[r for r in rows if r[0].status != "draft" and r[0].ends_at < now][:20],
            requests=requests,
            **kwargs,
        )


class ActivityView(PartnerMemberMixin, TemplateView):
    template_name = "partners/workspace/activity.html"

    def get_context_data(self, **kwargs):
        activity = access_activity_for_partner(user=self.request.user, pk=self.kwargs["pk"])
        registrants = registrants_for_partner(partner=self.partner, activity=activity)
        return super().get_context_data(
            activity=activity,
            tally=Tally.objects.filter(pk=activity.pk).first(),
            dpa=registrants is not None,
            registrants=registrants,
            **kwargs,
        )


class ActivityFormView(PartnerMemberMixin, FormView):
    """Propose a draft, or (with a pk) change a draft the partner co-organises."""

    template_name = "partners/workspace/activity_form.html"
    form_class = PartnerActivityForm
    activity = None

    def setup_activity(self):
        if "pk" in self.kwargs and self.activity is None:
            activity = access_activity_for_partner(user=self.request.user, pk=self.kwargs["pk"])
            if activity.status != activity.Status.DRAFT or not activity.cohosted:
                raise Http404
            self.activity = activity

    def get_form_kwargs(self):
        self.setup_activity()
        return {
            **super().get_form_kwargs(),
            "instance": self.activity,
            "branches": partner_branches(self.partner),
        }

    def form_valid(self, form):
        try:
            if self.activity is None:
                activity = services.partner_activity_propose(
                    actor=self.request.user, data=form.service_data()
                )
            else:
                activity = services.partner_activity_update(
                    actor=self.request.user, activity=self.activity, data=form.service_data()
                )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        except PermissionDenied:
            raise Http404 from None
        messages.success(
            self.request, _("Saved as a draft. The library checks it and publishes it.")
        )
        return redirect("partners:activity", pk=activity.pk)

    def get_context_data(self, **kwargs):
        self.setup_activity()  # the context is made before the form that would set it up
        return super().get_context_data(activity=self.activity, **kwargs)


class RoomRequestView(PartnerMemberMixin, FormView):
    template_name = "partners/workspace/room_request.html"
    form_class = PartnerRoomRequestForm

    def get_form_kwargs(self):
        spaces = (
            Space.objects.filter(
                branch__in=partner_branches(self.partner),
                booking_policy__bookable_by__in=REQUESTABLE,
            )
            .select_related("branch")
            .order_by("branch__name", "name")
        )
        return {**super().get_form_kwargs(), "spaces": spaces}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.partner_room_request(
                actor=self.request.user,
                space=data["space"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                title=data["title"],
                expected_people=data["expected_people"],
                needs=data.get("needs") or "",
                language=get_language()[:2],
            )
        except RequestRefused:
            form.add_error("space", _("This space takes no requests."))
            return self.form_invalid(form)
        except BookingConflict:
            form.add_error(None, TAKEN_FOR_THE_PUBLIC)
            return self.form_invalid(form)
        except ValidationError as error:
            add_service_errors(form, error, renamed={"starts_at": "start", "ends_at": "end"})
            return self.form_invalid(form)
        messages.success(self.request, _("Your request is sent; the branch lets you know."))
        return redirect("partners:workspace")


class PartnerLoginView(RateLimitedLoginView):
    template_name = "partners/workspace/login.html"
    form_class = PartnerLoginForm
    redirect_authenticated_user = True
    next_page = reverse_lazy("partners:workspace")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def accept_invitation(request, token: str):
    member = services.member_by_invitation(token)
    if member is None:
        raise Http404
    form = SetPasswordForm(member.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            member = services.member_accept(
                member=member, password=form.cleaned_data["new_password1"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, member.user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome! This is your organisation's workspace."))
            return redirect("partners:workspace")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "partners/workspace/accept.html", {"member": member, "form": form}, status=status
    )
