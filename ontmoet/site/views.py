from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ontmoet.core.pagecache import cache_public_page
from ontmoet.programme.selectors import activities_for_home, filter_options
from ontmoet.programme.services import PUBLIC_CONTENT


@require_safe
@cache_public_page(PUBLIC_CONTENT)
def home(request):
    options = filter_options()
    return render(
        request,
        "site/home.html",
        {
            **activities_for_home(),
            "branches": options["branches"],
            "themes": options["themes"],
        },
    )


def healthz(request):
    """Liveness for load balancers, and the floor that benchmarks compare against: no DB."""
    return HttpResponse("ok", content_type="text/plain")
