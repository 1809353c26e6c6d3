"""The moderator's page of a debate (made for a tablet): the motion and speakers, opening
and closing the rounds before and after, the live counts, and publishing the result.

Staff who may only read see the state of the debate without its controls. The hall's
pages (the big screen, the vote page) are linked only while the activity is published, as
only then can they be opened; a cancelled activity's vote is not offered for opening."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from ontmoet.accounts import scoping
from ontmoet.backoffice.mixins import StaffRequiredMixin
from ontmoet.core.forms import add_service_errors, posted_id
from ontmoet.programme.models import Activity
from ontmoet.programme.permissions import access_activity_for_staff

from .. import questions, services
from ..forms import DebateForm
from ..models import REJECTION_REASONS, Debate, Question
from ..selectors import debate_result, result_context


class ModeratorView(StaffRequiredMixin, FormView):
    template_name = "debates/staff/moderator.html"
    form_class = DebateForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.activity = access_activity_for_staff(
                user=request.user, pk=kwargs["pk"], edit=request.method == "POST"
            )
            self.debate = (
                Debate.objects.prefetch_related("rounds").filter(activity=self.activity).first()
            )
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        if self.debate is None:
            return {"motion": self.activity.title}
        return {
            "motion": self.debate.motion,
            "speakers_for": self.debate.speakers_for,
            "speakers_against": self.debate.speakers_against,
            "moderator": self.debate.moderator,
        }

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "save")
        if action == "save":
            return super().post(request, *args, **kwargs)
        if self.debate is None:
            raise Http404
        rounds = {r.kind: r for r in self.debate.rounds.all()}
        try:
            if action in ("open-before", "open-after"):
                services.round_open(actor=request.user, vote_round=rounds[action[5:]])
            elif action in ("close-before", "close-after"):
                services.round_close(actor=request.user, vote_round=rounds[action[6:]])
            elif action.startswith("question-"):
                self._moderate(request, action.removeprefix("question-"))
            elif action in ("publish", "unpublish"):
                services.result_publish(
                    actor=request.user, debate=self.debate, published=action == "publish"
                )
            else:
                raise Http404
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("debates_staff:moderator", pk=self.activity.pk)

    def _moderate(self, request, verb: str) -> None:
        mine = Question.objects.filter(debate=self.debate)
        question = mine.filter(pk=posted_id(request.POST.get("question"))).first()
        if question is None:
            raise Http404
        into = mine.filter(pk=posted_id(request.POST.get("into"))).first()
        questions.question_moderate(
            actor=request.user,
            question=question,
            action=verb,
            reason=request.POST.get("reason", ""),
            into=into,
        )

    def form_valid(self, form):
        try:
            services.debate_save(
                actor=self.request.user, activity=self.activity, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return redirect("debates_staff:moderator", pk=self.activity.pk)

    def get_context_data(self, **kwargs):
        result = debate_result(self.debate) if self.debate else None
        pending = board = []
        if self.debate is not None:
            pending = Question.objects.filter(
                debate=self.debate, status=Question.Status.PENDING
            ).order_by("created_at")
            board = questions.board(self.debate, limit=50)
        status = self.activity.status
        return super().get_context_data(
            activity=self.activity,
            debate=self.debate,
            can_edit=scoping.can_edit_branch(self.request.user, self.activity.branch_id),
            hall_open=status == Activity.Status.PUBLISHED,
            cancelled=status == Activity.Status.CANCELLED,
            pending=pending,
            board=board,
            reasons=REJECTION_REASONS,
            **result_context(result),
            **kwargs,
        )
