"""The staff back office: the programme of the branches a user may plan, and the audit log."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView, View

from ontmoet.accounts import scoping
from ontmoet.core.forms import add_service_errors
from ontmoet.core.models import AuditEntry
from ontmoet.programme import services
from ontmoet.programme.forms import ActivityForm, CancelForm, SessionForm
from ontmoet.programme.models import Activity
from ontmoet.programme.permissions import access_activity_for_staff, activities_viewable_by
from ontmoet.venues.models import Branch

from .mixins import StaffRequiredMixin


def _branches(ids):
    """The branches behind a scoping answer (None = all)."""
    return Branch.objects.all() if ids is None else Branch.objects.filter(pk__in=ids)


def _editable_branches(user):
    return _branches(scoping.editable_branch_ids(user))


class DashboardView(StaffRequiredMixin, TemplateView):
    template_name = "backoffice/dashboard.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            branches=_editable_branches(user),
            can_edit=scoping.can_edit_anything(user),
            drafts=activities_viewable_by(user)
            .filter(status=Activity.Status.DRAFT)
            .select_related("branch")
            .order_by("starts_at")[:20],
            **kwargs,
        )


class ActivityListView(StaffRequiredMixin, ListView):
    template_name = "backoffice/activity_list.html"
    paginate_by = 50
    STATUSES = {s.value for s in Activity.Status}

    def get_queryset(self):
        qs = activities_viewable_by(self.request.user).select_related("branch", "format")
        status = self.request.GET.get("status", "")
        if status in self.STATUSES:
            qs = qs.filter(status=status)
        branch = self.request.GET.get("branch", "")
        if branch:
            qs = qs.filter(branch__slug=branch)
        return qs.order_by("-starts_at", "-id")

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            branches=_branches(scoping.viewable_branch_ids(user)),
            statuses=Activity.Status.choices,
            editable_ids=scoping.editable_branch_ids(user),
            can_edit=scoping.can_edit_anything(user),
            **kwargs,
        )


class ActivityFormMixin(StaffRequiredMixin):
    form_class = ActivityForm
    template_name = "backoffice/activity_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "branches": _editable_branches(self.request.user)}

    def save(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            activity = self.save(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The activity has been saved."))
        return redirect("backoffice:activity_detail", pk=activity.pk)


class ActivityCreateView(ActivityFormMixin, FormView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not scoping.can_edit_anything(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def save(self, form):
        return services.activity_create(actor=self.request.user, data=form.service_data())


class EditableActivityMixin:
    """``self.activity``: the activity of the URL, if the user may change it (else 404)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and scoping.is_backoffice_user(request.user):
            self.activity = access_activity_for_staff(user=request.user, pk=kwargs["pk"], edit=True)
        return super().dispatch(request, *args, **kwargs)


class ActivityUpdateView(EditableActivityMixin, ActivityFormMixin, FormView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.activity}

    def get_context_data(self, **kwargs):
        return super().get_context_data(activity=self.activity, **kwargs)

    def save(self, form):
        return services.activity_update(
            actor=self.request.user, activity=self.activity, data=form.service_data()
        )


class ActivityDetailView(StaffRequiredMixin, TemplateView):
    template_name = "backoffice/activity_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        activity = access_activity_for_staff(user=user, pk=kwargs["pk"])
        return super().get_context_data(
            activity=activity,
            can_edit=scoping.can_edit_branch(user, activity.branch_id),
            cancel_form=CancelForm(),
            session_form=SessionForm(),
            audit=AuditEntry.objects.filter(
                target_type__app_label="programme",
                target_type__model="activity",
                target_id=str(activity.pk),
            ).select_related("actor")[:50],
            **kwargs,
        )


class ActivityActionView(StaffRequiredMixin, FormView):
    """Publish, cancel or duplicate: POST only, each through its service."""

    http_method_names = ["post"]
    action = ""
    form_class = CancelForm

    def form_valid(self, form):
        user = self.request.user
        activity = access_activity_for_staff(user=user, pk=self.kwargs["pk"], edit=True)
        if self.action == "publish":
            services.activity_publish(actor=user, activity=activity)
            messages.success(self.request, _("The activity is published."))
        elif self.action == "cancel":
            services.activity_cancel(
                actor=user, activity=activity, reason=form.cleaned_data["reason"]
            )
            messages.success(self.request, _("The activity is cancelled; its page shows a notice."))
        elif self.action == "duplicate":
            activity = services.activity_duplicate(actor=user, activity=activity)
            messages.success(self.request, _("A draft copy, one week later, has been made."))
        return redirect("backoffice:activity_detail", pk=activity.pk)

    def form_invalid(self, form):
        messages.error(self.request, _("The reason is too long (at most 300 characters)."))
        return redirect("backoffice:activity_detail", pk=self.kwargs["pk"])


class SessionAddView(EditableActivityMixin, StaffRequiredMixin, FormView):
    """Add a further meeting to a course (POST from the activity page)."""

    http_method_names = ["post"]
    form_class = SessionForm

    def form_valid(self, form):
        activity = self.activity
        try:
            services.activity_session_add(
                actor=self.request.user, activity=activity, **form.cleaned_data
            )
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
        else:
            messages.success(self.request, _("The session is added; registrants are told."))
        return redirect("backoffice:activity_detail", pk=activity.pk)

    def form_invalid(self, form):
        messages.error(self.request, _("Enter a start and an end for the session."))
        return redirect("backoffice:activity_detail", pk=self.kwargs["pk"])


class SessionRemoveView(StaffRequiredMixin, View):
    def post(self, request, pk, session_id):
        activity = access_activity_for_staff(user=request.user, pk=pk, edit=True)
        session = get_object_or_404(activity.sessions, pk=session_id)
        services.activity_session_remove(actor=request.user, session=session)
        messages.success(request, _("The session is removed; registrants are told."))
        return redirect("backoffice:activity_detail", pk=pk)


class AuditLogView(StaffRequiredMixin, ListView):
    template_name = "backoffice/audit_log.html"
    paginate_by = 100

    def get_queryset(self):
        qs = AuditEntry.objects.select_related("target_type")
        code = self.request.GET.get("code", "")
        if code:
            qs = qs.filter(code__startswith=code[:100])
        return qs
