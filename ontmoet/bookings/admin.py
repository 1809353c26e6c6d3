from django.contrib import admin

from ontmoet.backoffice.admin_base import ScopedAdmin

from .models import SpacePolicy


@admin.register(SpacePolicy)
class SpacePolicyAdmin(ScopedAdmin):
    audit_prefix = "bookings.policy"
    list_display = ["space", "bookable_by", "needs_approval", "max_hours", "horizon_days"]
    list_filter = ["bookable_by"]
