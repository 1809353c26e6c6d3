"""Clubs, members, the motion bank and tournaments in the admin, for central staff who keep
lists (audited, scoped like every list). Coaches use the staff pages."""

from django.contrib import admin

from ontmoet.backoffice.admin_base import ScopedAdmin

from .models import BankMotion, Club, Member, Team, Tournament


class MemberInline(admin.TabularInline):
    model = Member
    extra = 1


@admin.register(Club)
class ClubAdmin(ScopedAdmin):
    audit_prefix = "training.club"
    list_display = ["name", "branch", "coach"]
    list_filter = ["branch"]
    inlines = [MemberInline]
    filter_horizontal = ["sessions"]


@admin.register(BankMotion)
class BankMotionAdmin(ScopedAdmin):
    audit_prefix = "training.motion"
    list_display = ["text", "for_beginners"]
    list_filter = ["themes", "for_beginners"]
    search_fields = ["text"]


class TeamInline(admin.TabularInline):
    model = Team
    extra = 1
    filter_horizontal = ["members"]


@admin.register(Tournament)
class TournamentAdmin(ScopedAdmin):
    audit_prefix = "training.tournament"
    list_display = ["name", "club", "created_at"]
    inlines = [TeamInline]
    readonly_fields = ["final"]
