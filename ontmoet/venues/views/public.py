from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ontmoet.core.pagecache import cache_public_page
from ontmoet.programme.selectors import ProgrammeFilters, activity_list_public
from ontmoet.programme.services import PUBLIC_CONTENT

from ..models import Branch
from ..selectors import branch_detail_public, branch_list_public, opening_week


@require_safe
@cache_public_page(PUBLIC_CONTENT)
def branch_list(request):
    return render(request, "venues/public/branch_list.html", {"branches": branch_list_public()})


@require_safe
@cache_public_page(PUBLIC_CONTENT)
def branch_detail(request, slug: str):
    try:
        branch = branch_detail_public(slug=slug)
    except Branch.DoesNotExist:
        raise Http404 from None
    week = opening_week(branch)
    page = activity_list_public(filters=ProgrammeFilters(branch=branch), per_page=10)
    return render(
        request,
        "venues/public/branch_detail.html",
        {"branch": branch, "today": week[0], "week": week, "page": page},
    )
