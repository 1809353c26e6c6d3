"""The staff page of a practice tournament: its teams, each round's pairings with rooms and
the adjudicators' private ballot links, the standings and the speaker rankings; pairing
the next round; promoting the final into the public programme."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from ontmoet.accounts import scoping
from ontmoet.backoffice.mixins import StaffRequiredMixin
from ontmoet.core.api import SLUG_PARAM
from ontmoet.core.forms import posted_id
from ontmoet.venues.models import Space
from ontmoet.venues.permissions import branches_editable_by, branches_viewable_by

from .. import services
from ..ballots import ballot_url
from ..forms import (
    ClubForm,
    FinalForm,
    MemberForm,
    MotionForm,
    SessionsForm,
    TeamForm,
    TournamentForm,
)
from ..models import BankMotion, Club, Member, Tournament
from ..selectors import speaker_rankings, team_standings


class ClubsView(StaffRequiredMixin, TemplateView):
    template_name = "training/staff/clubs.html"

    def get_context_data(self, **kwargs):
        clubs = (
            Club.objects.filter(branch__in=branches_viewable_by(self.request.user))
            .select_related("branch")
            .prefetch_related(
                "tournaments",
                "sessions",
                Prefetch("members", queryset=Member.objects.current(), to_attr="current_members"),
            )
        )
        form = kwargs.pop("form", None)
        if form is None and scoping.can_edit_anything(self.request.user):
            form = ClubForm(branches=branches_editable_by(self.request.user))
        return super().get_context_data(clubs=clubs, form=form, **kwargs)

    def post(self, request):
        if not scoping.can_edit_anything(request.user):
            raise Http404
        form = ClubForm(request.POST, branches=branches_editable_by(request.user))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        club = services.club_create(actor=request.user, **form.cleaned_data)
        return redirect("training_staff:club", pk=club.pk)


class ClubView(StaffRequiredMixin, TemplateView):
    """A club: its members (a first name, a school or class, perhaps a guardian's address),
    its training sessions and its tournaments."""

    template_name = "training/staff/club.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and scoping.is_backoffice_user(request.user):
            self.club = get_object_or_404(
                Club.objects.select_related("branch"),
                pk=kwargs["pk"],
                branch__in=branches_viewable_by(request.user),
            )
            self.can_edit = scoping.can_edit_branch(request.user, self.club.branch_id)
            if request.method == "POST" and not self.can_edit:
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("member_form", MemberForm(prefix="member"))
        kwargs.setdefault("tournament_form", TournamentForm(prefix="tournament"))
        kwargs.setdefault("sessions_form", SessionsForm(prefix="sessions", spaces=self._spaces()))
        return super().get_context_data(
            club=self.club,
            members=self.club.members.current(),
            # Their names are gone; only how many, whose scores stay in the standings.
            left=self.club.members.filter(left_at__isnull=False).count(),
            sessions=self.club.sessions.order_by("-starts_at")[:20],
            tournaments=self.club.tournaments.all(),
            can_edit=self.can_edit,
            **kwargs,
        )

    def _spaces(self):
        return Space.objects.filter(branch=self.club.branch).order_by("name")

    def post(self, request, pk):
        action = request.POST.get("action")
        if action == "member":
            form = MemberForm(request.POST, prefix="member")
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(member_form=form), status=400)
            services.member_add(actor=request.user, club=self.club, **form.cleaned_data)
        elif action == "sessions":
            form = SessionsForm(request.POST, prefix="sessions", spaces=self._spaces())
            if not form.is_valid():
                return self.render_to_response(
                    self.get_context_data(sessions_form=form), status=400
                )
            try:
                made, skipped = services.sessions_schedule(
                    actor=request.user, club=self.club, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
                return self.render_to_response(
                    self.get_context_data(sessions_form=form), status=400
                )
            for problem in skipped:
                messages.warning(request, _("Not planned: %(why)s") % {"why": problem})
            messages.success(request, _("%(n)d sessions planned (drafts).") % {"n": len(made)})
            return redirect("training_staff:club", pk=self.club.pk)
        elif action == "remove":
            member = get_object_or_404(self.club.members, pk=posted_id(request.POST.get("member")))
            try:
                services.member_remove(actor=request.user, member=member)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect("training_staff:club", pk=self.club.pk)
        elif action == "tournament":
            form = TournamentForm(request.POST, prefix="tournament")
            if not form.is_valid():
                return self.render_to_response(
                    self.get_context_data(tournament_form=form), status=400
                )
            tournament = services.tournament_create(
                actor=request.user, club=self.club, **form.cleaned_data
            )
            return redirect("training_staff:tournament", pk=tournament.pk)
        else:
            raise Http404
        messages.success(request, _("Saved."))
        return redirect("training_staff:club", pk=self.club.pk)


class TournamentView(StaffRequiredMixin, TemplateView):
    template_name = "training/staff/tournament.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and scoping.is_backoffice_user(request.user):
            self.tournament = get_object_or_404(
                Tournament.objects.select_related("club__branch", "final"),
                pk=kwargs["pk"],
                club__branch__in=branches_viewable_by(request.user),
            )
            self.can_edit = scoping.can_edit_branch(request.user, self.tournament.club.branch_id)
            if request.method == "POST" and not self.can_edit:
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        rounds = []
        for r in self.tournament.rounds.select_related("motion").prefetch_related(
            "pairings__proposition", "pairings__opposition", "pairings__room"
        ):
            rounds.append((r, [(p, ballot_url(p)) for p in r.pairings.all()]))
        return super().get_context_data(
            tournament=self.tournament,
            teams=self.tournament.teams.prefetch_related("members"),
            rounds=rounds,
            standings=team_standings(self.tournament),
            speakers=speaker_rankings(self.tournament),
            motions=BankMotion.objects.all()[:200],
            can_edit=self.can_edit,
            team_form=kwargs.pop("team_form", None)
            or TeamForm(prefix="team", members=self.tournament.club.members.current()),
            **kwargs,
        )

    def _team(self, request):
        form = TeamForm(request.POST, prefix="team", members=self.tournament.club.members.current())
        if form.is_valid():
            try:
                services.team_add(
                    actor=request.user,
                    tournament=self.tournament,
                    name=form.cleaned_data["name"],
                    members=list(form.cleaned_data["members"]),
                )
            except ValidationError as error:
                form.add_error("members", error.messages)
            else:
                return redirect("training_staff:tournament", pk=self.tournament.pk)
        return self.render_to_response(self.get_context_data(team_form=form), status=400)

    def post(self, request, pk):
        if request.POST.get("action") == "team":
            return self._team(request)
        try:
            if request.POST.get("action") == "final":
                self._final(request)
            else:
                motion = BankMotion.objects.filter(pk=posted_id(request.POST.get("motion"))).first()
                services.round_pair(actor=request.user, tournament=self.tournament, motion=motion)
                messages.success(request, _("The next round is paired."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("training_staff:tournament", pk=self.tournament.pk)

    def _final(self, request) -> None:
        form = FinalForm(request.POST)
        if not form.is_valid():
            raise ValidationError([m for errors in form.errors.values() for m in errors])
        start = form.cleaned_data["starts_at"]
        services.final_promote(
            actor=request.user,
            tournament=self.tournament,
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
            motion=form.cleaned_data["motion"],
        )
        messages.success(request, _("The final is a draft in the programme."))


class MotionBankView(StaffRequiredMixin, TemplateView):
    """The motion bank every club shares, by theme; staff who plan add to it."""

    template_name = "training/staff/motions.html"

    def get_context_data(self, **kwargs):
        form = kwargs.pop("form", None)
        if form is None and scoping.can_edit_anything(self.request.user):
            form = MotionForm()
        motions = BankMotion.objects.prefetch_related("themes").order_by("text")
        theme = self.request.GET.get("thema", "")
        if theme:
            motions = motions.filter(themes__slug=theme) if SLUG_PARAM.fullmatch(theme) else []
        return super().get_context_data(motions=motions, form=form, theme=theme, **kwargs)

    def post(self, request):
        if not scoping.can_edit_anything(request.user):
            raise Http404
        form = MotionForm(request.POST)
        if form.is_valid():
            try:
                services.motion_add(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error("text", error.messages)
            else:
                messages.success(request, _("Added to the motion bank."))
                return redirect("training_staff:motions")
        return self.render_to_response(self.get_context_data(form=form), status=400)
