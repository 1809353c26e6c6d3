"""Residents' pages: register, and the private pages behind a secret link (see, change,
cancel, accept an offered place, the ticket).

Private pages are never cached, never indexed, and send no referrer (the link is the key).
Every change is a POST behind a confirmation; a GET never changes anything.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ontmoet.core.forms import add_service_errors
from ontmoet.core.pages import private_page, too_many
from ontmoet.programme.models import Activity
from ontmoet.programme.selectors import activity_detail_public

from .. import services
from ..abuse import registration_retry_after
from ..forms import ChangeSeatsForm, RegistrationForm
from ..models import Registration
from ..selectors import (
    availability,
    erasure_date,
    lottery_state,
    registration_by_token,
    waitlist_position,
)
from ..tickets import ticket_svg


def _registrable_activity(pk: int) -> Activity:
    try:
        return activity_detail_public(pk=pk)
    except Activity.DoesNotExist:
        raise Http404 from None


@private_page
@require_http_methods(["GET", "HEAD", "POST"])
def register(request, pk: int):
    activity = _registrable_activity(pk)
    form = RegistrationForm(request.POST or None, activity=activity)
    refused = services.refusal(activity, timezone.now())
    status = 200
    if request.method == "POST" and refused is None:
        if form.caught_bot:
            # Look as if it worked, write nothing.
            return redirect(activity)
        wait = registration_retry_after(request, request.POST.get("email", ""))
        if wait:
            return too_many(request, wait)
        if form.is_valid():
            try:
                registration = services.registration_create(
                    activity_id=activity.pk,
                    applicant=form.applicant(),
                    token=form.cleaned_data["form_token"],
                )
            except services.RegistrationRefused as error:
                form.add_error(None, error.message)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect("registrations:manage", token=registration.token)
        status = 400 if form.errors else 200
    return render(
        request,
        "registrations/public/register.html",
        {
            "activity": activity,
            "form": form,
            "refused": refused,
            "availability": availability(activity),
            "erase_on": erasure_date(activity),
            "lottery": lottery_state(activity),
        },
        status=status,
    )


def _by_token_or_404(token: str) -> Registration:
    registration = registration_by_token(token)
    if registration is None:
        raise Http404
    return registration


def _manage_context(registration: Registration, token: str) -> dict:
    activity = registration.activity
    return {
        "registration": registration,
        "activity": activity,
        "token": token,
        "position": waitlist_position(registration),
        "availability": availability(activity),
        "erase_on": erasure_date(activity),
        "lottery": lottery_state(activity),
        "seats_form": ChangeSeatsForm(
            initial={"seats": registration.seats}, maximum=activity.max_seats_per_registration
        ),
        "ticket": ticket_svg(registration) if registration.holds_seats else "",
        # Parts of a household already placed while the rest waits, each with its ticket.
        "placed_parts": [
            (part, ticket_svg(part))
            for part in registration.placed_parts.filter(status__in=Registration.HOLDING)
        ],
        "can_change": registration.is_active and timezone.now() < activity.starts_at,
    }


@private_page
@require_http_methods(["GET", "HEAD"])
def manage(request, token: str):
    registration = _by_token_or_404(token)
    return render(request, "registrations/public/manage.html", _manage_context(registration, token))


@private_page
@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request, token: str):
    registration = _by_token_or_404(token)
    if request.method == "POST":
        services.registration_cancel(registration=registration)
        messages.success(
            request, _("Your registration is cancelled. Thank you for letting us know.")
        )
        return redirect("registrations:manage", token=token)
    return render(request, "registrations/public/cancel.html", _manage_context(registration, token))


@private_page
@require_POST
def change_seats(request, token: str):
    registration = _by_token_or_404(token)
    form = ChangeSeatsForm(request.POST, maximum=registration.activity.max_seats_per_registration)
    if form.is_valid():
        try:
            services.registration_change_seats(
                registration=registration, seats=form.cleaned_data["seats"]
            )
        except (services.RegistrationRefused, ValidationError) as error:
            messages.error(request, _message(error))
        else:
            messages.success(request, _("The number of places is changed."))
    else:
        messages.error(request, _("Choose a number of places from the list."))
    return redirect("registrations:manage", token=token)


@private_page
@require_POST
def accept_offer(request, token: str):
    registration = _by_token_or_404(token)
    try:
        services.registration_accept_offer(registration=registration)
    except services.RegistrationRefused as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The place is yours. See you there!"))
    return redirect("registrations:manage", token=token)


def _message(error) -> str:
    if isinstance(error, services.RegistrationRefused):
        return str(error.message)
    return " ".join(error.messages)
