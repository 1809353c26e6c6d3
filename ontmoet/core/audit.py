"""Writing the audit log. Services call ``audit_record`` once per state change."""

from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditEntry


def _plain(value: Any) -> Any:
    """A JSON-safe, human-readable rendering of a field value for the diff."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    return str(value)


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The current values of ``fields``; many-to-many fields become sorted name lists."""
    result: dict[str, Any] = {}
    for name in fields:
        field = instance._meta.get_field(name)
        if field.many_to_many:
            result[name] = (
                sorted(str(o) for o in getattr(instance, name).all()) if instance.pk else []
            )
        else:
            result[name] = _plain(getattr(instance, name))
    return result


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for every field whose value changed."""
    before = {k: _plain(v) for k, v in before.items()}
    after = {k: _plain(v) for k, v in after.items()}
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}


def audit_record(*, actor, code: str, target: models.Model, changes: dict | None = None):
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=(actor.get_username() if getattr(actor, "pk", None) else "system")[:150],
        code=code,
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        target_label=str(target)[:300],
        changes=changes or {},
    )
