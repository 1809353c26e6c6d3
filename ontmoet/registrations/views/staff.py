"""Staff pages of registrations: the list and waiting list of an activity, assisted
registration at the desk or by phone, a printable ticket, and the door list.

Access goes through ``programme.permissions``: staff see the activities of their branches
(404 elsewhere) and change them only where they may plan.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from ontmoet.backoffice.mixins import StaffRequiredMixin
from ontmoet.programme.permissions import access_activity_for_staff

from .. import services
from ..door import self_check_in_url
from ..forms import AssistedRegistrationForm, WaitlistMoveForm
from ..lottery import lottery_draw
from ..models import Registration
from ..selectors import attendance, availability, lottery_state, registrations_for_staff
from ..tickets import qr_svg, ticket_svg


class ActivityStaffMixin(StaffRequiredMixin):
    """Resolves ``self.activity`` under branch scoping; ``edit`` for changing views."""

    edit = False

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.activity = access_activity_for_staff(
                user=request.user, pk=kwargs["pk"], edit=self.edit or request.method == "POST"
            )
        return super().dispatch(request, *args, **kwargs)

    def registration(self, registration_id) -> Registration:
        return get_object_or_404(Registration, pk=registration_id, activity=self.activity)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            activity=self.activity, availability=availability(self.activity), **kwargs
        )


class RegistrationListView(ActivityStaffMixin, TemplateView):
    template_name = "registrations/staff/list.html"

    def get_context_data(self, **kwargs):
        rows = list(registrations_for_staff(self.activity))
        by_status = {status: [] for status in Registration.Status.values}
        for row in rows:
            by_status[row.status].append(row)
        waiting = sorted(by_status["waitlisted"], key=lambda r: r.position)
        return super().get_context_data(
            confirmed=by_status["confirmed"],
            offered=by_status["offered"],
            waiting=[
                (r, WaitlistMoveForm(registration=r, waiting=waiting, prefix=f"m{r.pk}"))
                for r in waiting
            ],
            cancelled=by_status["cancelled"],
            entered=by_status["entered"],
            lottery=lottery_state(self.activity),
            attendance=attendance(self.activity),
            **kwargs,
        )


class LotteryDrawView(ActivityStaffMixin, View):
    def post(self, request, pk):
        try:
            draw = lottery_draw(activity_id=pk, actor=request.user)
        except services.RegistrationRefused as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Drawn: %(winners)d of %(entries)d entries have places.")
                % {"winners": draw.winners, "entries": draw.entries},
            )
        return redirect("registrations_staff:list", pk=pk)


class RegistrationCancelView(ActivityStaffMixin, View):
    def post(self, request, pk, registration_id):
        registration = self.registration(registration_id)
        services.registration_cancel(
            registration=registration, actor=request.user, ending=Registration.Ending.BY_STAFF
        )
        messages.success(request, _("The registration is cancelled."))
        return redirect("registrations_staff:list", pk=pk)


class WaitlistMoveView(ActivityStaffMixin, View):
    def post(self, request, pk, registration_id):
        registration = self.registration(registration_id)
        waiting = Registration.objects.filter(
            activity=self.activity, status=Registration.Status.WAITLISTED
        ).order_by("position")
        form = WaitlistMoveForm(
            request.POST,
            registration=registration,
            waiting=list(waiting),
            prefix=f"m{registration.pk}",
        )
        if form.is_valid():
            try:
                services.waitlist_move(
                    registration=registration,
                    before=form.cleaned_data["before"],
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except (services.RegistrationRefused, ValidationError) as error:
                messages.error(request, str(getattr(error, "message", error)))
            else:
                messages.success(request, _("The waiting list is changed."))
        else:
            messages.error(request, _("Give a reason for the move; it is logged."))
        return redirect("registrations_staff:list", pk=pk)


class AssistedRegistrationView(ActivityStaffMixin, FormView):
    template_name = "registrations/staff/assisted.html"
    form_class = AssistedRegistrationForm
    edit = True

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "activity": self.activity}

    def form_valid(self, form):
        try:
            registration = services.registration_create(
                activity_id=self.activity.pk,
                applicant=form.applicant(),
                channel=Registration.Channel.ASSISTED,
                actor=self.request.user,
            )
        except services.RegistrationRefused as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Registered: %(name)s, %(status)s.")
            % {"name": registration.name, "status": registration.get_status_display()},
        )
        return redirect(
            "registrations_staff:ticket", pk=self.activity.pk, registration_id=registration.pk
        )


class TicketView(ActivityStaffMixin, TemplateView):
    """A printable ticket for someone registered at the desk or by phone."""

    template_name = "registrations/staff/ticket.html"

    def get_context_data(self, **kwargs):
        registration = self.registration(self.kwargs["registration_id"])
        return super().get_context_data(
            registration=registration,
            ticket=ticket_svg(registration) if registration.holds_seats else "",
            **kwargs,
        )


class DoorListView(ActivityStaffMixin, TemplateView):
    """For a phone or tablet at the door: find people by name or ticket code, mark them
    present, count walk-ins."""

    template_name = "registrations/staff/door_list.html"

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        # The ticket scanner uses this device's camera, on this page only.
        response["Permissions-Policy"] = "camera=(self), geolocation=(), microphone=()"
        return response

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()[:100]
        ticket = self.request.GET.get("ticket", "").strip().upper()[:12]
        rows = Registration.objects.filter(
            activity=self.activity, status__in=Registration.HOLDING
        ).order_by("name", "id")
        if ticket:
            rows = rows.filter(ticket_code=ticket)
        elif query:
            rows = rows.filter(Q(name__icontains=query) | Q(ticket_code=query.upper()))
        tally = getattr(self.activity, "tally", None)
        present = Registration.objects.filter(
            activity=self.activity, checked_in_at__isnull=False
        ).values_list("seats", flat=True)
        return super().get_context_data(
            rows=rows[:200],
            query=query,
            ticket=ticket,
            present_seats=sum(present),
            walk_ins=tally.walk_ins if tally else 0,
            **kwargs,
        )


class DoorPosterView(ActivityStaffMixin, TemplateView):
    """A printable poster for the entrance: residents scan it to check themselves in."""

    template_name = "registrations/staff/door_poster.html"

    def get_context_data(self, **kwargs):
        url = self_check_in_url(self.activity)
        return super().get_context_data(
            url=url, qr=qr_svg(url, _("QR code to check in"), scale=8), **kwargs
        )


class CheckInView(ActivityStaffMixin, View):
    def post(self, request, pk, registration_id):
        registration = self.registration(registration_id)
        present = request.POST.get("present", "1") == "1"
        try:
            services.registration_check_in(
                registration=registration, actor=request.user, present=present
            )
        except services.RegistrationRefused as error:
            messages.error(request, error.message)
        else:
            if present:
                messages.success(request, _("%(name)s is present.") % {"name": registration.name})
        return redirect(_door_list_return(request, pk))


class WalkInView(ActivityStaffMixin, View):
    def post(self, request, pk):
        try:
            delta = int(request.POST.get("delta", "1"))
        except ValueError:
            raise Http404 from None
        services.walk_ins_count(activity_id=pk, delta=delta, actor=request.user)
        return redirect(_door_list_return(request, pk))


def _door_list_return(request, pk) -> str:
    query = request.POST.get("q", "").strip()[:100]
    url = reverse("registrations_staff:door_list", kwargs={"pk": pk})
    return f"{url}?{urlencode({'q': query})}" if query else url
