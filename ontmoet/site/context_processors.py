from django.conf import settings

from ontmoet.accounts import scoping


def site(request):
    return {
        "ORGANISATION_NAME": settings.ORGANISATION_NAME,
        # Asked only by the templates that need it (a template calls a callable), through the
        # access rule of the back office itself.
        "is_backoffice_user": lambda: scoping.is_backoffice_user(request.user),
    }
