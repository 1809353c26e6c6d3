"""Residents and organisations ask for a space: a form without an account, rate-limited,
with a honeypot. Only spaces whose rules take requests from residents or from partners have
one (404 elsewhere); a partners' space asks for the organisation."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from ontmoet.core.forms import add_service_errors
from ontmoet.core.pages import too_many
from ontmoet.venues.models import Space

from .. import services
from ..abuse import request_retry_after
from ..forms import BookingRequestForm
from ..models import SpacePolicy

# Service error fields that the form shows under another name.
FORM_FIELD = {"starts_at": "start", "ends_at": "end", "requester_email": "email"}


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def request_space(request, pk: int):
    space = get_object_or_404(
        Space.objects.select_related("branch", "booking_policy"),
        pk=pk,
        booking_policy__bookable_by__in=services.REQUESTABLE,
    )
    for_organisations = space.booking_policy.bookable_by == SpacePolicy.BookableBy.PARTNERS
    form = BookingRequestForm(request.POST or None, for_organisations=for_organisations)
    status = 200
    if request.method == "POST":
        if form.caught_bot:
            return render(request, "bookings/public/request_sent.html", {"space": space})
        wait = request_retry_after(request, request.POST.get("email", ""))
        if wait:
            return too_many(request, wait)
        if form.is_valid():
            try:
                booking = services.booking_request_create(space=space, **form.service_kwargs())
            except services.RequestRefused:
                raise Http404 from None
            except services.BookingConflict:
                form.add_error(None, services.TAKEN_FOR_THE_PUBLIC)
            except ValidationError as error:
                add_service_errors(form, error, renamed=FORM_FIELD)
            else:
                return render(
                    request,
                    "bookings/public/request_sent.html",
                    {"space": space, "booking": booking},
                )
        status = 400
    return render(
        request,
        "bookings/public/request.html",
        {"space": space, "policy": space.booking_policy, "form": form},
        status=status,
    )
