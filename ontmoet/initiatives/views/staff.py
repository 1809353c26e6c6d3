"""Staff pages of initiatives: the review board's queue per branch and status, an idea's
page (checklist and notes, messages with the initiator, decisions, support), entering an
idea told on the phone or at the desk, and the overview for management.

Staff see the ideas of the branches they may see; they act on those of branches they plan
for (ideas without a branch: central staff). Other ideas are a 404.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from ontmoet.accounts import scoping
from ontmoet.backoffice.mixins import StaffRequiredMixin
from ontmoet.core.forms import add_service_errors
from ontmoet.venues.permissions import branches_editable_by, branches_viewable_by

from .. import services
from ..forms import DecisionForm, MessageForm, ReviewForm, StaffIdeaForm
from ..links import status_url
from ..models import Initiative
from ..permissions import access_initiative_for_staff, initiatives_viewable_by
from ..selectors import overview


class QueueView(StaffRequiredMixin, TemplateView):
    template_name = "initiatives/staff/queue.html"

    def get_context_data(self, **kwargs):
        ideas = initiatives_viewable_by(self.request.user).order_by("created_at")
        status = self.request.GET.get("status", "open")
        if status == "open":
            ideas = ideas.filter(
                status__in=[Initiative.Status.NEW, Initiative.Status.IN_CONVERSATION]
            )
        elif status in Initiative.Status.values:
            ideas = ideas.filter(status=status)
        branches = list(branches_viewable_by(self.request.user))
        branch = self.request.GET.get("branch", "")
        if branch in {b.slug for b in branches}:  # anything else is no filter
            ideas = ideas.filter(branch__slug=branch)
        return super().get_context_data(
            ideas=ideas[:200],
            status=status,
            statuses=Initiative.Status.choices,
            branch=branch,
            branches=branches,
            can_enter=scoping.can_edit_anything(self.request.user),
            **kwargs,
        )


class EnterView(StaffRequiredMixin, FormView):
    template_name = "initiatives/staff/enter.html"
    form_class = StaffIdeaForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not scoping.can_edit_anything(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        channel = data.pop("channel")
        try:
            initiative = services.initiative_submit(
                data=data, actor=self.request.user, channel=channel
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Idea saved. Give the initiator the address of its page: %(url)s (it stays "
                "on the idea's page)."
            )
            % {"url": status_url(initiative, absolute=True)},
        )
        return redirect("initiatives_staff:detail", pk=initiative.pk)


class DetailView(StaffRequiredMixin, TemplateView):
    template_name = "initiatives/staff/detail.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and scoping.is_backoffice_user(request.user):
            self.initiative = access_initiative_for_staff(user=request.user, pk=kwargs["pk"])
            try:
                services.ensure_can_review(request.user, self.initiative)
                self.can_review = True
            except PermissionDenied:
                self.can_review = False
            if request.method == "POST" and not self.can_review:
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def _branches(self):
        return branches_editable_by(self.request.user)

    def get_context_data(self, **kwargs):
        initiative = self.initiative
        review = ReviewForm(
            initial={**initiative.checklist, "notes": initiative.review_notes}, prefix="review"
        )
        decision = DecisionForm(
            prefix="decide",
            branches=self._branches(),
            initial={"branch": initiative.branch},
        )
        context = {
            "initiative": initiative,
            "messages_list": initiative.messages.select_related("staff_user"),
            "review_form": review,
            "message_form": MessageForm(prefix="message"),
            "decision_form": decision,
            "can_review": self.can_review,
            # The link is made again from the idea's nonce, so it can be given again (read
            # out on the phone) to someone who lost it; only to those who act on the idea.
            "status_link": status_url(initiative, absolute=True)
            if self.can_review and not initiative.erased_at
            else None,
            **kwargs,
        }
        return super().get_context_data(**context)

    def post(self, request, pk):
        action = request.POST.get("action")
        handlers = {
            "review": self._review,
            "message": self._message,
            "decide": self._decide,
            "support": self._support,
        }
        if action not in handlers:
            raise Http404
        return handlers[action]()

    def _done(self, text):
        messages.success(self.request, text)
        return redirect("initiatives_staff:detail", pk=self.initiative.pk)

    def _invalid(self, **forms):
        return self.render_to_response(self.get_context_data(**forms), status=400)

    def _review(self):
        form = ReviewForm(self.request.POST, prefix="review")
        if not form.is_valid():
            return self._invalid(review_form=form)
        data = dict(form.cleaned_data)
        notes = data.pop("notes")
        services.initiative_review(
            actor=self.request.user, initiative=self.initiative, checklist=data, notes=notes
        )
        return self._done(_("Review saved."))

    def _message(self):
        form = MessageForm(self.request.POST, prefix="message")
        if not form.is_valid():
            return self._invalid(message_form=form)
        try:
            services.initiative_message_add(
                initiative=self.initiative, text=form.cleaned_data["text"], actor=self.request.user
            )
        except ValidationError as error:
            form.add_error("text", error.messages)
            return self._invalid(message_form=form)
        return self._done(_("Message sent; the initiator gets an email."))

    def _decide(self):
        form = DecisionForm(self.request.POST, prefix="decide", branches=self._branches())
        if not form.is_valid():
            return self._invalid(decision_form=form)
        try:
            services.initiative_decide(
                actor=self.request.user,
                initiative=self.initiative,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
                draft=form.draft(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self._invalid(decision_form=form)
        return self._done(_("Saved; the initiator gets an email."))

    def _support(self):
        is_open = self.request.POST.get("open") == "1"
        services.initiative_support_open(
            actor=self.request.user, initiative=self.initiative, is_open=is_open
        )
        return self._done(_("Saved."))


class OverviewView(StaffRequiredMixin, TemplateView):
    """For management: how ideas come in and fare, and how much of the programme is made
    with partners and residents."""

    template_name = "initiatives/staff/overview.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**overview(user=self.request.user), **kwargs)
