from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ontmoet.backoffice.admin_base import ScopedAdmin

from .models import Activity, Audience, Format, LibraryFunction, Series, Theme
from .permissions import activities_viewable_by
from .selectors import filter_options_invalidate


class TaxonomyAdmin(ScopedAdmin):
    list_display = ["name", "name_en", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}

    def after_change(self, obj):
        super().after_change(obj)
        filter_options_invalidate()


@admin.register(Theme)
class ThemeAdmin(TaxonomyAdmin):
    list_display = [*TaxonomyAdmin.list_display, "sdgs"]


admin.site.register(Audience, TaxonomyAdmin)
admin.site.register(Format, TaxonomyAdmin)
admin.site.register(LibraryFunction, TaxonomyAdmin)


@admin.register(Series)
class SeriesAdmin(ScopedAdmin):
    list_display = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["themes"]


@admin.register(Activity)
class ActivityAdmin(ScopedAdmin):
    """Read-only in the admin: activities are planned in the back office (/staff/), where
    every change goes through the programme services. Scoped to the user's branches."""

    list_display = ["title", "starts_at", "branch", "status", "edit_link"]
    list_filter = ["status", "branch", "format"]
    search_fields = ["title"]
    date_hierarchy = "starts_at"
    list_select_related = ["branch"]

    def get_queryset(self, request):
        return activities_viewable_by(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("back office"))
    def edit_link(self, obj):
        url = reverse("backoffice:activity_detail", kwargs={"pk": obj.pk})
        return format_html('<a href="{}">{}</a>', url, _("open"))
