"""``__in`` on integer columns that ignores values no such column can hold.

Django already answers ``id=<a number beyond 64 bits>`` with "no rows", but not ``id__in``:
SQLite raises OverflowError binding the value, a 500 for any form with several choices
(``ModelMultipleChoiceField`` checks the posted ids with ``pk__in``). Such an id matches
nothing, so it is dropped before the statement is built; when none is left, the lookup
matches nothing, as an empty ``__in`` does.
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


class IntegerIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            internal_type = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(internal_type)
            self.rhs = [value for value in self.rhs if not _outside(value, low, high)]
        return super().process_rhs(compiler, connection)


def _outside(value, low, high) -> bool:
    if not isinstance(value, int):
        return False
    return (low is not None and value < low) or (high is not None and value > high)


def register() -> None:
    IntegerField.register_lookup(IntegerIn)
