"""The debate on a public activity page (motion, speakers and, once published, the
audience's verdict) and the motions of a series with their results."""

from django import template

from ontmoet.programme.models import Activity

from ..models import Debate
from ..selectors import debate_result, result_context
from ..verdict import verdict_short

register = template.Library()


@register.inclusion_tag("debates/public/_summary.html")
def debate_summary(activity):
    debate = Debate.objects.prefetch_related("rounds").filter(activity=activity).first()
    if debate is None:
        return {"debate": None}
    result = debate_result(debate) if debate.result_published else None
    return {"debate": debate, **result_context(result)}


@register.inclusion_tag("debates/public/_motions.html")
def series_motions(series):
    debates = (
        Debate.objects.filter(activity__in=Activity.objects.public().filter(series=series))
        .select_related("activity")
        .prefetch_related("rounds")
        .order_by("activity__starts_at")
    )
    rows = [(d, verdict_short(debate_result(d)) if d.result_published else "") for d in debates]
    return {"rows": rows}
