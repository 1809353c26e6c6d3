"""Staff pages of partners: the list, a partner's page (agreements, contacts, the
activities co-organised with it), adding and editing a partner, inviting a contact, and who
co-hosts an activity or a series.

Every staff member sees partners (they work across branches); those who plan change them.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from ontmoet.accounts import scoping
from ontmoet.backoffice.mixins import StaffRequiredMixin
from ontmoet.programme.models import Series
from ontmoet.programme.permissions import access_activity_for_staff

from .. import services
from ..forms import AgreementForm, HostsForm, InviteForm, PartnerForm
from ..models import Partner
from ..selectors import partner_history
from ..tasks import send_invitation_mail


def _is_staff(request) -> bool:
    """Whether the back office is open to the caller at all: only then is a record looked up,
    so that nobody else learns from a 404 or a redirect which slugs exist."""
    return request.user.is_authenticated and scoping.is_backoffice_user(request.user)


class PartnerEditorMixin(StaffRequiredMixin):
    """POSTs need the right to plan somewhere."""

    def dispatch(self, request, *args, **kwargs):
        self.can_edit = scoping.can_edit_anything(request.user)
        if request.method == "POST" and request.user.is_authenticated and not self.can_edit:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_edit=self.can_edit, **kwargs)


class PartnerListView(PartnerEditorMixin, TemplateView):
    template_name = "partners/staff/list.html"

    def get_context_data(self, **kwargs):
        partners = Partner.objects.prefetch_related("branches", "agreements").order_by("name")
        series = (
            Series.objects.prefetch_related("hosts__partner").order_by("title")
            if scoping.can_manage_lists(self.request.user)
            else []
        )
        return super().get_context_data(partners=partners, series=series, **kwargs)


class PartnerFormView(PartnerEditorMixin, FormView):
    """Add a partner, or (with a slug) change one."""

    template_name = "partners/staff/form.html"
    form_class = PartnerForm

    def dispatch(self, request, *args, **kwargs):
        self.partner = None
        if "slug" in kwargs and _is_staff(request):
            self.partner = get_object_or_404(Partner, slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if not self.can_edit:
            raise Http404
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.partner}

    def form_valid(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k != "branches"}
        branches = list(form.cleaned_data["branches"])
        try:
            if self.partner is None:
                partner = services.partner_create(
                    actor=self.request.user, data=data, branches=branches
                )
            else:
                partner = services.partner_update(
                    actor=self.request.user, partner=self.partner, data=data, branches=branches
                )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return redirect("partners_staff:detail", slug=partner.slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(partner=self.partner, **kwargs)


class PartnerDetailView(PartnerEditorMixin, TemplateView):
    template_name = "partners/staff/detail.html"

    def dispatch(self, request, *args, **kwargs):
        if _is_staff(request):
            self.partner = get_object_or_404(
                Partner.objects.prefetch_related("branches", "agreements", "members__user"),
                slug=kwargs["slug"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = {
            "partner": self.partner,
            "history": partner_history(self.partner)[:50],
            "agreement_form": AgreementForm(prefix="agreement"),
            "invite_form": InviteForm(prefix="invite"),
            **kwargs,
        }
        return super().get_context_data(**context)

    def post(self, request, slug):
        if "invite-email" in request.POST:
            return self._invite()
        return self._agreement()

    def _invite(self):
        form = InviteForm(self.request.POST, prefix="invite")
        if form.is_valid():
            try:
                with transaction.atomic():
                    member, token = services.member_invite(
                        actor=self.request.user,
                        partner=self.partner,
                        name=form.cleaned_data["name"],
                        email=form.cleaned_data["email"],
                    )
                    language = form.cleaned_data["language"]
                    transaction.on_commit(lambda: send_invitation_mail(member.pk, token, language))
            except ValidationError as error:
                for message in error.messages:
                    form.add_error("email", message)
            else:
                messages.success(self.request, _("The invitation is on its way."))
                return redirect("partners_staff:detail", slug=self.partner.slug)
        return self.render_to_response(self.get_context_data(invite_form=form), status=400)

    def _agreement(self):
        form = AgreementForm(self.request.POST, prefix="agreement")
        if form.is_valid():
            services.agreement_add(
                actor=self.request.user, partner=self.partner, **form.cleaned_data
            )
            messages.success(self.request, _("Agreement added."))
            return redirect("partners_staff:detail", slug=self.partner.slug)
        return self.render_to_response(self.get_context_data(agreement_form=form), status=400)


class HostsView(StaffRequiredMixin, FormView):
    """Which partners co-host an activity (its branch's planners) or a series (central
    staff), and in what role."""

    template_name = "partners/staff/hosts.html"
    form_class = HostsForm

    def dispatch(self, request, *args, **kwargs):
        if _is_staff(request):
            self.subject = self._subject(request, kwargs)
        return super().dispatch(request, *args, **kwargs)

    def _subject(self, request, kwargs):
        if "pk" in kwargs:
            activity = access_activity_for_staff(user=request.user, pk=kwargs["pk"], edit=True)
            self.back = reverse("backoffice:activity_detail", kwargs={"pk": activity.pk})
            return activity
        if not scoping.can_manage_lists(request.user):
            raise Http404
        series = get_object_or_404(Series, slug=kwargs["slug"])
        self.back = series.get_absolute_url()
        return series

    def get_form_kwargs(self):
        hosts = [(h.partner, h.role) for h in self.subject.hosts.select_related("partner")]
        return {**super().get_form_kwargs(), "initial_hosts": hosts}

    def form_valid(self, form):
        if isinstance(self.subject, Series):
            setter, kwargs = services.series_hosts_set, {"series": self.subject}
        else:
            setter, kwargs = services.activity_hosts_set, {"activity": self.subject}
        try:
            setter(actor=self.request.user, hosts=form.cleaned_data["hosts"], **kwargs)
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, "; ".join(getattr(error, "messages", [str(error)])))
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return redirect(self.back)

    def get_context_data(self, **kwargs):
        return super().get_context_data(subject=self.subject, back=self.back, **kwargs)
