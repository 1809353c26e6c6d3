"""Residents' pages of study places: "where can I study now?" per branch with live
occupancy and seat booking, the private page of a seat booking (check in, cancel), and
check-in from the QR code at a zone. Private pages are never cached nor indexed."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from ontmoet.core.pages import private_page, too_many
from ontmoet.core.ratelimit import address_and_email_retry_after
from ontmoet.venues.models import Branch
from ontmoet.venues.selectors import open_now

from .. import services
from ..checkin import zone_code_valid, zone_desk_code_valid
from ..forecast import branch_busy_hours, zone_busy_hours
from ..forms import CheckInForm, SeatBookingForm
from ..models import StudyZone
from ..selectors import occupancy, zone_slots


def seat_retry_after(request, email) -> int | None:
    # Students share the library's network, so the limit per address is generous (settings).
    return address_and_email_retry_after(request, email, scope="seat")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def study(request, slug: str):
    branch = get_object_or_404(Branch, slug=slug)
    today = timezone.localdate()
    zones = occupancy(branch=branch)
    if not zones:
        raise Http404
    zone, zone_refused = _chosen_zone(request, zones)
    days = [today + datetime.timedelta(days=n) for n in range(services.HORIZON_DAYS + 1)]
    day = _chosen_day(request, days)
    slots = zone_slots(zone, day) if zone and zone.bookable_seats else []
    slots = [s for s in slots if s.ends_at > timezone.now()]
    form = SeatBookingForm(request.POST or None, slots=slots)
    status = 200
    if zone_refused:
        # A zone not of this branch, or not bookable (a tampered form): book nothing there
        # nor anywhere else.
        form.add_error(None, _("Seats of this zone cannot be booked here; choose a zone."))
        status = 400
    elif request.method == "POST" and zone is not None:
        if form.caught_bot:
            return redirect(request.path)
        wait = seat_retry_after(request, request.POST.get("email", ""))
        if wait:
            return too_many(request, wait)
        if form.is_valid():
            try:
                booking = services.seat_book(
                    zone=zone,
                    starts_at=form.starts_at(),
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    language=form.cleaned_data["language"],
                )
            except services.SeatRefused as error:
                form.add_error(None, error.message)
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                return redirect("studyplaces:seat", token=booking.token)
        status = 400
    weekday = _chosen_weekday(request, today)
    by_zone = zone_busy_hours(zones=[o.zone for o in zones], weekday=weekday, today=today)
    context = {
        "branch": branch,
        "zones": zones,
        "zone": zone,
        "days": days,
        "day": day,
        "form": form,
        "slots": slots,
        "weekdays": list(WEEKDAYS.items()),
        "weekday": weekday,
        "forecast": branch_busy_hours(by_zone),
        "hour_now": timezone.localtime().hour if weekday == today.weekday() else None,
        "opening": open_now(branch),
        "tomorrow": today + datetime.timedelta(days=1),
    }
    return render(request, "studyplaces/public/study.html", context, status=status)


def _chosen_weekday(request, today) -> int:
    wanted = request.GET.get("weekday", "")
    return int(wanted) if wanted in {"0", "1", "2", "3", "4", "5", "6"} else today.weekday()


def _chosen_day(request, days: list[datetime.date]) -> datetime.date:
    """The day to book on: one of ``days`` (today and the week ahead), else today."""
    wanted = request.POST.get("dag") or request.GET.get("dag") or ""
    return next((d for d in days if d.isoformat() == wanted), days[0])


def _chosen_zone(request, zones) -> tuple[StudyZone | None, bool]:
    """The zone to book in, and whether the request was refused for naming a zone that is
    not a bookable one of this branch. A link may fall back to the first bookable zone; a
    booking (POST) is made only in the zone its form names."""
    bookable = [o.zone for o in zones if o.zone.bookable_seats]
    linked = next(
        (z for z in bookable if str(z.pk) == request.GET.get("zone")),
        bookable[0] if bookable else None,
    )
    if request.method != "POST":
        return linked, False
    posted = next((z for z in bookable if str(z.pk) == request.POST.get("zone")), None)
    return (posted, False) if posted else (linked, True)


@private_page
def seat(request, token: str):
    booking = services.seat_by_token(token)
    if booking is None:
        raise Http404
    return render(request, "studyplaces/public/seat.html", {"booking": booking, "token": token})


@private_page
@require_POST
def seat_action(request, token: str, action: str):
    booking = services.seat_by_token(token)
    if booking is None or action not in {"inchecken", "annuleren"}:
        raise Http404
    try:
        if action == "inchecken":
            if not zone_desk_code_valid(booking.zone_id, request.POST.get("code")):
                messages.error(request, _("That is not the code on the poster at your zone."))
                return redirect("studyplaces:seat", token=token)
            services.seat_check_in(booking=booking)
            messages.success(request, _("You are checked in. Enjoy your study."))
        else:
            services.seat_cancel(booking=booking)
            messages.success(request, _("Your seat is cancelled; someone else can have it."))
    except services.SeatRefused as error:
        messages.error(request, error.message)
    return redirect("studyplaces:seat", token=token)


@private_page
@require_http_methods(["GET", "HEAD", "POST"])
def zone_check_in(request, pk: int, code: str):
    """The QR code at a zone: the resident checks in with the address they booked with."""
    if not zone_code_valid(pk, code):
        raise Http404
    zone = get_object_or_404(StudyZone.objects.select_related("branch"), pk=pk)
    form = CheckInForm(request.POST or None)
    done = None
    if request.method == "POST" and form.is_valid():
        wait = seat_retry_after(request, form.cleaned_data["email"])
        if wait:
            return too_many(request, wait)
        try:
            done = services.seat_check_in_at_zone(zone=zone, email=form.cleaned_data["email"])
        except services.SeatRefused as error:
            form.add_error("email" if error.code == "none" else None, error.message)
    return render(
        request, "studyplaces/public/zone_check_in.html", {"zone": zone, "form": form, "done": done}
    )
