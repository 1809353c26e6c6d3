"""Form plumbing shared by the public and staff forms: errors that assistive technology
announces and links to their fields (WCAG 3.3.1, 3.3.3), a service's refusal shown on its
form, and the language a resident's messages start in."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language


class AccessibleErrorsMixin:
    """After validation, mark each invalid field with ``aria-invalid`` and point it at its
    error message (rendered by ``site/_field.html`` under the id ``<field id>-error``)."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            attrs = self.fields[name].widget.attrs
            attrs["aria-invalid"] = "true"
            described = [f"{bound.auto_id}-error"]
            if self.fields[name].help_text:
                described.append(f"{bound.auto_id}-help")
            attrs["aria-describedby"] = " ".join(described)


class HoneypotMixin:
    """A field people never see or fill in (hidden by CSS, skipped by the keyboard, marked
    for screen readers); simple bots do. No captcha."""

    honeypot_name = "website"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_name] = forms.CharField(
            required=False,
            label="Website",
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )

    @property
    def caught_bot(self) -> bool:
        return bool(self.data.get(self.honeypot_name))


def posted_id(value) -> int:
    """An id from a form field or query string: 0 (matching nothing) for anything that is
    not a whole number a database can hold."""
    text = str(value or "")
    return int(text) if is_plain_number(text, max_digits=11) else 0


def is_plain_number(text: str, *, max_digits: int) -> bool:
    """ASCII digits only: str.isdigit() also takes '²' or '٣', which int() refuses."""
    return 0 < len(text) <= max_digits and text.isascii() and text.isdigit()


def add_service_errors(form, error: ValidationError, renamed: dict[str, str] | None = None):
    """Show a service's refusal on the form: each message at the field it names (by the
    form's name for it in ``renamed``, if it differs), if the form has that field, else above
    the form."""
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            target = (renamed or {}).get(field, field)
            form.add_error(target if target in form.fields else None, problems)
    else:
        form.add_error(None, error.messages)


def page_language() -> str:
    """The language of the page being answered ("nl", "en"): where a resident's messages
    start, unless they choose another."""
    return (get_language() or "nl")[:2]
