"""The resident's side of the door: self check-in from the QR code at the entrance."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from ontmoet.core.pages import private_page, too_many
from ontmoet.core.ratelimit import client_address, first_retry_after
from ontmoet.programme.models import Activity

from .. import door, services


@private_page
@require_http_methods(["GET", "HEAD", "POST"])
def self_check_in(request, pk: int, code: str):
    if not door.door_code_valid(pk, code):
        raise Http404
    activity = Activity.objects.published().select_related("branch").filter(pk=pk).first()
    if activity is None:
        raise Http404
    context = {"activity": activity, "open": door.door_open(activity), "done": None}
    status = 200
    if request.method == "POST" and context["open"]:
        wait = first_retry_after([("lookup-address", client_address(request))])
        if wait:
            return too_many(request, wait)
        identifier = request.POST.get("identifier", "")[:254]
        registration = door.find_for_self_check_in(activity, identifier)
        if registration is None:
            context["not_found"] = True
            status = 400
        else:
            if registration.checked_in_at is None:
                services.registration_check_in(registration=registration, actor=None)
            context["done"] = registration
    context["now"] = timezone.now()
    return render(request, "registrations/public/self_check_in.html", context, status=status)
