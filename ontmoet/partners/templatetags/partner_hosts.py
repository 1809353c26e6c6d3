"""The partners that co-host an activity or a series, on the programme's public pages:
an activity shows its own co-hosts and its series' (``programme.jsonld.co_hosts``), and a
partner is linked only when it has a public page (listed publicly), else just named. The
series page gets its JSON-LD here too, as its co-hosts are what it adds."""

from django import template
from django.utils.html import format_html

from ontmoet.programme.jsonld import as_script_json, co_hosts, series_jsonld

register = template.Library()


@register.filter
def activity_co_hosts(activity) -> list:
    return co_hosts(activity)


@register.simple_tag
def partner_name(partner) -> str:
    """The partner's name, linked to its public page when it has one."""
    if partner.is_public:
        return format_html(
            '<a class="utrecht-link" href="{}">{}</a>', partner.get_absolute_url(), partner.name
        )
    return format_html("{}", partner.name)


@register.simple_tag(takes_context=True)
def series_jsonld_script(context, series) -> str:
    base_url = context["request"].build_absolute_uri("/").rstrip("/")
    return as_script_json(series_jsonld(series, base_url=base_url))
