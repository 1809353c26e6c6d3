"""The programme's filter fields, rendered in Python for the same reason as the cards:
six selects with some sixty options were thousands of template look-ups per page."""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()

INPUT_CLASS = "utrecht-textbox utrecht-textbox--html-input"
SELECT_CLASS = "utrecht-select utrecht-select--html-select"


def _control(field, invalid_attrs) -> str:
    value = field.value()
    value = "" if value is None else str(value)
    if field.name == "q":
        return format_html(
            '<input type="search" name="q" id="{}" value="{}" maxlength="200" class="{}"{}>',
            field.id_for_label,
            value,
            INPUT_CLASS,
            invalid_attrs,
        )
    if field.name in ("date_from", "date_to"):
        return format_html(
            '<input type="date" name="{}" id="{}" value="{}" class="{}"{}>',
            field.name,
            field.id_for_label,
            value,
            INPUT_CLASS,
            invalid_attrs,
        )
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((v, " selected" if v == value else "", label) for v, label in field.field.choices),
    )
    return format_html(
        '<select name="{}" id="{}" class="{}"{}>{}</select>',
        field.name,
        field.id_for_label,
        SELECT_CLASS,
        invalid_attrs,
        options,
    )


@register.simple_tag
def filter_field(field):
    """Label, error message (linked by aria-describedby) and control of one filter field."""
    error_id = f"{field.id_for_label}-error"
    error, invalid_attrs = "", ""
    if field.errors:
        error = format_html(
            '<p class="utrecht-form-field-error-message" id="{}">{}</p>',
            error_id,
            " ".join(field.errors),
        )
        invalid_attrs = format_html(' aria-invalid="true" aria-describedby="{}"', error_id)
    return format_html(
        '<div class="utrecht-form-field{}"><label class="utrecht-form-label" for="{}">{}</label>'
        "{}{}</div>",
        " utrecht-form-field--invalid" if field.errors else "",
        field.id_for_label,
        field.label,
        error,
        _control(field, invalid_attrs),
    )
