"""Template helpers shared by public and staff pages."""

from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def other_language_url(context, language: str) -> str:
    """The current page in ``language``, query string kept."""
    request = context["request"]
    url = translate_url(request.get_full_path(), language)
    return url


@register.simple_tag(takes_context=True)
def page_url(context, number: int) -> str:
    query = context.get("query", "")
    return f"?{query}&page={number}" if query else f"?page={number}"
