"""The Django admin as a back office, under the same scoping as the staff views and API.

Access is decided by ``accounts.scoping``, not by Django's per-model permissions, so that the
rule lives in one place. Every change made in the admin is written to the audit log.
"""

from django.contrib import admin

from ontmoet.accounts import scoping
from ontmoet.core.audit import audit_record, diff, snapshot
from ontmoet.core.pagecache import content_changed
from ontmoet.programme.services import PUBLIC_CONTENT


class ScopedAdmin(admin.ModelAdmin):
    """Visible to every back-office user; changed only by those who manage lists."""

    audit_prefix = ""  # e.g. "venues.branch"

    def has_module_permission(self, request):
        return scoping.is_backoffice_user(request.user)

    def has_view_permission(self, request, obj=None):
        return scoping.is_backoffice_user(request.user)

    def has_add_permission(self, request):
        return scoping.can_manage_lists(request.user)

    def has_change_permission(self, request, obj=None):
        return scoping.can_manage_lists(request.user)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def _audited_fields(self, obj):
        return [
            f.name
            for f in obj._meta.concrete_fields
            if f.name not in {"id", "created_at", "updated_at"}
        ]

    def save_model(self, request, obj, form, change):
        before = {}
        if change:
            before = snapshot(type(obj).objects.get(pk=obj.pk), self._audited_fields(obj))
        super().save_model(request, obj, form, change)
        code = f"{self.audit_prefix or obj._meta.label_lower}.{'updated' if change else 'created'}"
        audit_record(
            actor=request.user,
            code=code,
            target=obj,
            changes=diff(before, snapshot(obj, self._audited_fields(obj))),
        )
        self.after_change(obj)

    def delete_model(self, request, obj):
        audit_record(actor=request.user, code=f"{obj._meta.label_lower}.deleted", target=obj)
        super().delete_model(request, obj)
        self.after_change(obj)

    def after_change(self, obj) -> None:
        """Cached public pages show branches, lists and series too: let them refresh."""
        content_changed(PUBLIC_CONTENT)
