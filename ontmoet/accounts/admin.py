from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        (_("Staff role"), {"fields": ["role", "branches"]}),
    ]
    list_display = ["username", "email", "role", "is_active", "is_superuser"]
    list_filter = ["role", "is_active", "is_superuser"]
    filter_horizontal = ["groups", "user_permissions", "branches"]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)
