"""The staff shell's access rule: logged in and holding a staff role (accounts.scoping)."""

from django.contrib.auth.mixins import AccessMixin

from ontmoet.accounts import scoping


class StaffRequiredMixin(AccessMixin):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not scoping.is_backoffice_user(request.user):
            self.raise_exception = True
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)
