from django.contrib import admin

from ontmoet.backoffice.admin_base import ScopedAdmin

from .models import StudyZone


@admin.register(StudyZone)
class StudyZoneAdmin(ScopedAdmin):
    audit_prefix = "studyplaces.zone"
    list_display = ["name", "branch", "kind", "seats", "bookable_seats", "slot_minutes"]
    list_filter = ["branch", "kind"]
