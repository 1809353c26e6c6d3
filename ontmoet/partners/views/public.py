"""Public pages of partners: who the library programmes with, and what they co-organise."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ontmoet.core.pagecache import cache_public_page
from ontmoet.programme.services import PUBLIC_CONTENT

from ..models import Partner
from ..selectors import partner_activities_public, partner_detail_public, partner_list_public


@require_safe
@cache_public_page(PUBLIC_CONTENT)
def partner_list(request):
    return render(request, "partners/public/list.html", {"partners": partner_list_public()})


@require_safe
@cache_public_page(PUBLIC_CONTENT)
def partner_detail(request, slug: str):
    try:
        partner = partner_detail_public(slug=slug)
    except Partner.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "partners/public/detail.html",
        {"partner": partner, "activities": partner_activities_public(partner)},
    )
