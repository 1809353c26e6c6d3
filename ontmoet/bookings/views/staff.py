"""Staff pages of room bookings: the planning grid of a branch for a day, a booking made
from a free hour, cancelling, and the printable day sheet for the front desk.

Staff see the grid of every branch they may see (``accounts.scoping``); they book and
cancel only where they may plan. Other branches are a 404.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView, View

from ontmoet.accounts import scoping
from ontmoet.backoffice.mixins import StaffRequiredMixin
from ontmoet.core.forms import add_service_errors, is_plain_number, posted_id
from ontmoet.venues.models import Branch, Space
from ontmoet.venues.permissions import access_branch_for_staff, branches_viewable_by

from .. import services
from ..forms import DecisionForm, StaffBookingChangeForm, StaffBookingForm
from ..models import Booking
from ..selectors import branch_day, branch_week


class BranchStaffMixin(StaffRequiredMixin):
    """Resolves ``self.branch`` under scoping; POSTs need the right to plan there."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and scoping.is_backoffice_user(request.user):
            self.branch = access_branch_for_staff(
                user=request.user, slug=kwargs["slug"], edit=request.method == "POST"
            )
            self.can_book = scoping.can_edit_branch(request.user, self.branch.pk)
        return super().dispatch(request, *args, **kwargs)

    def day(self) -> datetime.date:
        """The asked day, or today for nonsense or a day outside the years bookings may
        have (the grid's arithmetic around year 1 or 9999 would overflow)."""
        try:
            day = datetime.date.fromisoformat(self.request.GET.get("dag", ""))
        except ValueError:
            return timezone.localdate()
        if not services.EARLIEST.date() < day < services.LATEST.date():
            return timezone.localdate()
        return day

    def get_context_data(self, **kwargs):
        return super().get_context_data(branch=self.branch, can_book=self.can_book, **kwargs)


def planning_url(branch: Branch, day: datetime.date) -> str:
    url = reverse("bookings_staff:planning", kwargs={"slug": branch.slug})
    return f"{url}?{urlencode({'dag': day.isoformat()})}"


class PlanningView(BranchStaffMixin, TemplateView):
    template_name = "bookings/staff/planning.html"

    def get_context_data(self, **kwargs):
        day = self.day()
        plan = branch_day(branch=self.branch, day=day)
        cancellable = [
            entry.booking
            for space in plan.spaces
            for entry in plan.entries[space.pk]
            if entry.booking.activity_id is None
        ]
        return super().get_context_data(
            day=day,
            plan=plan,
            cancellable=cancellable,
            previous_day=planning_url(self.branch, day - datetime.timedelta(days=1)),
            next_day=planning_url(self.branch, day + datetime.timedelta(days=1)),
            branches=branches_viewable_by(self.request.user),
            **kwargs,
        )


class WeekView(BranchStaffMixin, TemplateView):
    template_name = "bookings/staff/week.html"

    def get_context_data(self, **kwargs):
        day = self.day()
        monday = day - datetime.timedelta(days=day.weekday())
        return super().get_context_data(
            week=branch_week(branch=self.branch, first_day=monday),
            previous_week=week_url(self.branch, monday - datetime.timedelta(weeks=1)),
            next_week=week_url(self.branch, monday + datetime.timedelta(weeks=1)),
            **kwargs,
        )


def week_url(branch: Branch, day: datetime.date) -> str:
    url = reverse("bookings_staff:week", kwargs={"slug": branch.slug})
    return f"{url}?{urlencode({'dag': day.isoformat()})}"


class DaySheetView(BranchStaffMixin, TemplateView):
    template_name = "bookings/staff/day_sheet.html"

    def get_context_data(self, **kwargs):
        day = self.day()
        plan = branch_day(branch=self.branch, day=day)
        rows = sorted(
            (
                (entry, space)
                for space in plan.spaces
                for entry in plan.entries[space.pk]
                if entry.booking.status == Booking.Status.CONFIRMED
            ),
            key=lambda pair: (pair[0].booking.starts_at, pair[1].name),
        )
        return super().get_context_data(day=day, rows=rows, **kwargs)


class BookingCreateView(BranchStaffMixin, FormView):
    template_name = "bookings/staff/booking_form.html"
    form_class = StaffBookingForm

    def get(self, request, *args, **kwargs):
        if not self.can_book:
            raise Http404
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["spaces"] = Space.objects.filter(branch=self.branch).order_by("name")
        return kwargs

    def get_initial(self):
        """A free hour clicked on the grid arrives as ``ruimte``, ``dag`` and ``uur``."""
        initial = {"day": self.day(), "purpose": Booking.Purpose.INTERNAL}
        space = posted_id(self.request.GET.get("ruimte"))
        if space:
            initial["space"] = space
        hour = self.request.GET.get("uur", "")
        if is_plain_number(hour, max_digits=2) and int(hour) <= 22:
            initial["start"] = datetime.time(int(hour))
            initial["end"] = datetime.time(int(hour) + 1)
        return initial

    def form_valid(self, form):
        try:
            if form.cleaned_data.get("rule"):
                booking = self._book_series(form)
            else:
                booking = services.booking_create(actor=self.request.user, **form.service_kwargs())
        except ValidationError as error:
            add_service_errors(form, error, renamed=FORM_FIELD)
            return self.form_invalid(form)
        except services.BookingConflict as conflict:
            form.add_error(None, services.conflict_message(conflict))
            return self.form_invalid(form)
        except services.SeriesConflict as conflict:
            # Every taken date, with what is in the way, before anything is saved.
            for occurrence in conflict.taken:
                form.add_error(None, _taken_message(occurrence))
            return self.form_invalid(form)
        except PermissionDenied:
            raise Http404 from None
        messages.success(
            self.request,
            _("Booked: %(space)s, %(title)s.")
            % {"space": booking.space.name, "title": booking.title},
        )
        return redirect(planning_url(self.branch, timezone.localdate(booking.starts_at)))

    def _book_series(self, form) -> Booking:
        kwargs = form.service_kwargs()
        kwargs.pop("expected_people")
        _series, made, skipped = services.booking_series_create(
            actor=self.request.user,
            rule=form.cleaned_data["rule"],
            skip_taken=form.cleaned_data.get("skip_taken", False),
            **kwargs,
        )
        messages.info(self.request, _series_message(len(made), skipped))
        return made[0]


def _series_message(made: int, skipped: list[services.Occurrence]) -> str:
    """Says "7 dates booked, 1 taken date skipped, 1 date outside the rules skipped:
    25-12-2026.", each count with its own plural, and the skipped dates (ten at most)."""
    taken = sum(1 for o in skipped if o.conflicts)
    outside = len(skipped) - taken
    parts = [ngettext("%(n)d date booked", "%(n)d dates booked", made) % {"n": made}]
    if taken:
        parts.append(
            ngettext("%(n)d taken date skipped", "%(n)d taken dates skipped", taken) % {"n": taken}
        )
    if outside:
        parts.append(
            ngettext(
                "%(n)d date outside the rules skipped",
                "%(n)d dates outside the rules skipped",
                outside,
            )
            % {"n": outside}
        )
    dates = ", ".join(f"{timezone.localtime(o.starts_at):%d-%m-%Y}" for o in skipped[:10])
    return ", ".join(parts) + (f": {dates}." if dates else ".")


# Service error fields that the form shows under another name.
FORM_FIELD = {"starts_at": "start", "ends_at": "end", "rule": "repeat"}


def _taken_message(occurrence: services.Occurrence) -> str:
    first = occurrence.conflicts[0]
    return _("%(day)s is taken: %(title)s, %(start)s–%(end)s.") % {
        "day": timezone.localtime(occurrence.starts_at).strftime("%d-%m-%Y"),
        "title": first.title,
        "start": timezone.localtime(first.blocked_from).strftime("%H:%M"),
        "end": timezone.localtime(first.blocked_until).strftime("%H:%M"),
    }


class BookingChangeView(BranchStaffMixin, FormView):
    """Move one booking (or one date of a series) in time or to another space of the
    branch, or rename it."""

    template_name = "bookings/staff/booking_form.html"
    form_class = StaffBookingChangeForm

    @cached_property
    def changing(self) -> Booking:
        if not self.can_book:
            raise Http404
        return get_object_or_404(
            Booking,
            pk=self.kwargs["booking_id"],
            space__branch=self.branch,
            activity__isnull=True,
            status=Booking.Status.CONFIRMED,  # a request is decided in the queue
        )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["spaces"] = Space.objects.filter(branch=self.branch).order_by("name")
        return kwargs

    def get_initial(self):
        booking = self.changing
        start, end = timezone.localtime(booking.starts_at), timezone.localtime(booking.ends_at)
        return {
            "space": booking.space_id,
            "day": start.date(),
            "start": start.time(),
            "end": end.time(),
            **{name: getattr(booking, name) for name in ("title", "purpose", "notes")},
            "expected_people": booking.expected_people,
            "override_reason": booking.override_reason,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(changing=self.changing, **kwargs)

    def form_valid(self, form):
        try:
            booking = services.booking_change(
                actor=self.request.user, booking=self.changing, **form.service_kwargs()
            )
        except ValidationError as error:
            return self._invalid(form, error.message_dict)
        except services.BookingConflict as conflict:
            return self._invalid(form, {None: [services.conflict_message(conflict)]})
        messages.success(
            self.request,
            _("Changed: %(space)s, %(title)s.")
            % {"space": booking.space.name, "title": booking.title},
        )
        return redirect(planning_url(self.branch, timezone.localdate(booking.starts_at)))

    def _invalid(self, form, errors: dict):
        for field, messages_ in errors.items():
            target = FORM_FIELD.get(field, field)
            form.add_error(target if target in form.fields else None, messages_)
        return self.form_invalid(form)


class BookingCancelView(BranchStaffMixin, View):
    def post(self, request, slug, booking_id):
        booking = get_object_or_404(
            Booking, pk=booking_id, space__branch=self.branch, activity__isnull=True
        )
        form = DecisionForm(request.POST)  # the reason, checked as text (no control bytes)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors.get("reason", [])))
            return redirect(planning_url(self.branch, timezone.localdate(booking.starts_at)))
        try:
            services.booking_cancel(
                actor=request.user, booking=booking, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The booking is cancelled."))
        return redirect(planning_url(self.branch, timezone.localdate(booking.starts_at)))


class SeriesCancelView(BranchStaffMixin, View):
    """Stop a repeating booking: every date still to come is cancelled."""

    def post(self, request, slug, booking_id):
        booking = get_object_or_404(
            Booking, pk=booking_id, space__branch=self.branch, series__isnull=False
        )
        form = DecisionForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors.get("reason", [])))
        else:
            count = services.booking_series_cancel(
                actor=request.user, series=booking.series, reason=form.cleaned_data["reason"]
            )
            messages.success(
                request,
                ngettext("%(n)d coming date cancelled.", "%(n)d coming dates cancelled.", count)
                % {"n": count},
            )
        return redirect(planning_url(self.branch, timezone.localdate(booking.starts_at)))


class PlanningHomeView(StaffRequiredMixin, View):
    """The rooms of the first branch the user plans for (or may see)."""

    def get(self, request):
        editable = scoping.editable_branch_ids(request.user)
        branches = branches_viewable_by(request.user)
        if editable is not scoping.ALL and editable:
            branches = branches.filter(pk__in=editable)
        branch = branches.first()
        if branch is None:
            raise Http404
        return redirect(planning_url(branch, timezone.localdate()))


class RequestListView(BranchStaffMixin, TemplateView):
    """The branch's requests waiting for a decision, oldest first."""

    template_name = "bookings/staff/requests.html"

    def get_context_data(self, **kwargs):
        waiting = (
            Booking.objects.filter(
                space__branch=self.branch,
                status=Booking.Status.TENTATIVE,  # staff book at once: tentative is a request
            )
            .exclude(purpose=Booking.Purpose.ACTIVITY)  # confirmed when staff publish it
            .select_related("space")
            .order_by("created_at")
        )
        return super().get_context_data(requests=waiting, **kwargs)


class RequestDecideView(BranchStaffMixin, View):
    def post(self, request, slug, booking_id):
        booking = get_object_or_404(
            Booking, pk=booking_id, space__branch=self.branch, status=Booking.Status.TENTATIVE
        )
        approve = request.POST.get("decision") == "approve"
        form = DecisionForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(form.errors.get("reason", []))
            services.booking_request_decide(
                actor=request.user,
                booking=booking,
                approve=approve,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except services.BookingConflict as conflict:
            messages.error(request, services.conflict_message(conflict))
        else:
            messages.success(
                request,
                _("Approved and booked.") if approve else _("Declined; the requester is told."),
            )
        return redirect("bookings_staff:requests", slug=self.branch.slug)
