from django.contrib import admin

from ontmoet.backoffice.admin_base import ScopedAdmin

from .models import CounterDevice, StudyZone


@admin.register(StudyZone)
class StudyZoneAdmin(ScopedAdmin):
    audit_prefix = "studyplaces.zone"
    list_display = ["name", "branch", "kind", "seats", "bookable_seats", "slot_minutes"]
    list_filter = ["branch", "kind"]


@admin.register(CounterDevice)
class CounterDeviceAdmin(ScopedAdmin):
    """Tokens are made with ``manage.py counter_token``; here a counter can be switched off."""

    audit_prefix = "studyplaces.counter"
    list_display = ["name", "zone", "is_active", "last_seen_at"]
    fields = ["name", "zone", "is_active", "last_seen_at"]
    readonly_fields = ["last_seen_at"]

    def has_add_permission(self, request):
        return False
