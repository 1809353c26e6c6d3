"""Content tables of the demo: what ``load_demo`` writes, kept apart from the code that
writes it.

- ``reference``: taxonomies, accessibility features, what the demo adds to the real branch
  facts in ``data/*.csv`` (coordinates, hours, spaces, descriptions — all illustrative), staff
  users and series.
- ``topics``: subjects per theme and the programme items with fixed dates.
- ``learning_and_debate`` and ``culture_and_meeting``: one template per kind of activity.

Real: the statutory library functions (Wsob art. 5), the SDG numbers of the themes and the
partners of the freedom debate series, all from the library's own texts; books named in
reading clubs. Everything else is illustrative, written for the demo.

A template is a dict: ``format`` (slug), ``weight`` (share of the programme), ``branches``
("all" or slugs) and ``central_share``, ``weekdays``, ``times``, ``minutes`` (or ``days`` for
exhibitions), ``registration`` (drop_in, required or mixed) with ``capacity``, weighted
``languages``, preferred space kinds, library ``functions`` (the first always applies),
``easy`` (B1 summaries) and ``about`` (description paragraphs). Its ``items`` are
(title, summary, themes, audiences); ``{plaats}`` in a title becomes the branch's short name.
With ``topics=True`` the subject comes from ``topics.THEME_TOPICS`` through ``patterns``.
The order of ``TEMPLATES`` is part of the fixed random plan: append, do not reorder.
"""

from .culture_and_meeting import TEMPLATES as _CULTURE_AND_MEETING
from .learning_and_debate import TEMPLATES as _LEARNING_AND_DEBATE

TEMPLATES = [*_LEARNING_AND_DEBATE, *_CULTURE_AND_MEETING]
