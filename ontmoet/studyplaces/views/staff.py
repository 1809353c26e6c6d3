"""Staff pages of study places: the zones of a branch with their occupancy now, a count of
the people present, and the QR poster that residents scan to check in."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from ontmoet.accounts import scoping
from ontmoet.backoffice.mixins import StaffRequiredMixin
from ontmoet.core.qr import qr_svg
from ontmoet.venues.permissions import access_branch_for_staff

from .. import services
from ..checkin import zone_check_in_url, zone_desk_code
from ..forms import CounterForm
from ..models import CounterDevice, StudyZone
from ..selectors import occupancy


class ZonesStaffMixin(StaffRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and scoping.is_backoffice_user(request.user):
            self.branch = access_branch_for_staff(
                user=request.user, slug=kwargs["slug"], edit=request.method == "POST"
            )
        return super().dispatch(request, *args, **kwargs)


class ZonesView(ZonesStaffMixin, TemplateView):
    template_name = "studyplaces/staff/zones.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            branch=self.branch,
            zones=_with_counters(self.branch, occupancy(branch=self.branch)),
            can_count=scoping.can_edit_branch(self.request.user, self.branch.pk),
            **kwargs,
        )


class CountView(ZonesStaffMixin, View):
    def post(self, request, slug, zone_id):
        zone = get_object_or_404(StudyZone, pk=zone_id, branch=self.branch)
        try:
            present = int(request.POST.get("present", ""))
            services.zone_count_record(actor=request.user, zone=zone, present=present)
        except (ValueError, ValidationError):
            messages.error(request, _("Enter the number of people you counted."))
        else:
            messages.success(
                request, _("Counted: %(n)d in %(zone)s.") % {"n": present, "zone": zone.name}
            )
        return redirect("studyplaces_staff:zones", slug=self.branch.slug)


class CounterCreateView(ZonesStaffMixin, View):
    """Register a door counter; its token is shown on this one answer and never again."""

    def post(self, request, slug, zone_id):
        zone = get_object_or_404(StudyZone, pk=zone_id, branch=self.branch)
        form = CounterForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors["name"]))
            return redirect("studyplaces_staff:zones", slug=self.branch.slug)
        try:
            device, token = services.counter_token_create(
                zone=zone, name=form.cleaned_data["name"], actor=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("studyplaces_staff:zones", slug=self.branch.slug)
        response = render(
            request,
            "studyplaces/staff/counter_token.html",
            {"branch": self.branch, "device": device, "token": token},
        )
        add_never_cache_headers(response)
        return response


class CounterDeactivateView(ZonesStaffMixin, View):
    def post(self, request, slug, counter_id):
        device = get_object_or_404(
            CounterDevice.objects.select_related("zone__branch"),
            pk=counter_id,
            zone__branch=self.branch,
        )
        services.counter_deactivate(actor=request.user, device=device)
        messages.success(
            request, _("The counter %(name)s is switched off.") % {"name": device.name}
        )
        return redirect("studyplaces_staff:zones", slug=self.branch.slug)


class PosterView(ZonesStaffMixin, TemplateView):
    template_name = "studyplaces/staff/poster.html"

    def get_context_data(self, **kwargs):
        zone = get_object_or_404(StudyZone, pk=self.kwargs["zone_id"], branch=self.branch)
        url = settings.SITE_URL + zone_check_in_url(zone)
        return super().get_context_data(
            zone=zone,
            url=url,
            qr=qr_svg(url, _("QR code to check in"), scale=8),
            desk_code=zone_desk_code(zone.pk),
            **kwargs,
        )


def _with_counters(branch, zones) -> list[tuple]:
    """Each zone's occupancy beside its door counters."""
    by_zone: dict[int, list[CounterDevice]] = {}
    for device in CounterDevice.objects.filter(zone__branch=branch).order_by("name", "pk"):
        by_zone.setdefault(device.zone_id, []).append(device)
    return [(o, by_zone.get(o.zone.pk, [])) for o in zones]
