"""Demo study zones: a quiet study room, group work and computer places at the Central
Library, a corner of study places in every other branch. Only where a branch has none."""

from ontmoet.studyplaces.models import StudyZone
from ontmoet.venues.models import Branch

# Study zones by branch kind: (name, kind, seats, bookable per slot).
CENTRAL_ZONES = [
    ("Stiltezaal", "quiet", 120, 40),
    ("Groepswerkplekken", "group", 36, 12),
    ("Computerplekken", "computers", 24, 8),
]
BRANCH_ZONES = [("Studieplekken", "quiet", 16, 4)]


def load_study_zones() -> int:
    """Study zones for every branch (more at the Central Library), where none exist yet."""
    made = 0
    for branch in Branch.objects.all():
        if branch.study_zones.exists():
            continue
        for name, kind, seats, bookable in CENTRAL_ZONES if branch.is_central else BRANCH_ZONES:
            StudyZone.objects.create(
                branch=branch, name=name, kind=kind, seats=seats, bookable_seats=bookable
            )
            made += 1
    return made
