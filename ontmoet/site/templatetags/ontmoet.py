"""Template helpers shared by public and staff pages."""

from django import template
from django.urls import translate_url
from django.utils import timezone
from django.utils.formats import date_format

register = template.Library()


@register.simple_tag(takes_context=True)
def other_language_url(context, language: str) -> str:
    """The current page in ``language``, query string kept."""
    request = context["request"]
    url = translate_url(request.get_full_path(), language)
    return url


@register.filter
def when(activity) -> str:
    """ "za 14 mrt 2026, 19:30–21:00" in the active language; dates repeated if it spans days."""
    start = timezone.localtime(activity.starts_at)
    end = timezone.localtime(activity.ends_at)
    first = date_format(start, "D j M Y, H:i")
    if start.date() == end.date():
        return f"{first}–{end:%H:%M}"
    return f"{first} – {date_format(end, 'D j M Y, H:i')}"


@register.simple_tag(takes_context=True)
def page_url(context, number: int) -> str:
    query = context.get("query", "")
    return f"?{query}&page={number}" if query else f"?page={number}"
