"""Public URLs of many activities at once.

``reverse()`` costs tens of microseconds; a page of cards or an API page needs dozens of
URLs. The route is reversed once per page with a sample id and slug, and the rest is string
formatting. The prefix includes the active language's (``/en/...``).
"""

from django.urls import reverse

SAMPLE_PK, SAMPLE_SLUG = 1, "s"


class ActivityLinks:
    def __init__(self) -> None:
        detail = reverse("programme:activity_detail", kwargs={"pk": SAMPLE_PK, "slug": SAMPLE_SLUG})
        ical = reverse("programme:activity_ical", kwargs={"pk": SAMPLE_PK})
        self._detail = detail.removesuffix(f"{SAMPLE_PK}/{SAMPLE_SLUG}")
        self._ical_prefix, self._ical_suffix = ical.split(str(SAMPLE_PK), 1)
        self._branches: dict[str, str] = {}

    def detail(self, activity) -> str:
        return f"{self._detail}{activity.pk}/{activity.slug}"

    def ical(self, activity) -> str:
        return f"{self._ical_prefix}{activity.pk}{self._ical_suffix}"

    def branch(self, branch) -> str:
        if branch.slug not in self._branches:
            self._branches[branch.slug] = branch.get_absolute_url()
        return self._branches[branch.slug]
