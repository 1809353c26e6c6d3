"""``manage.py demo_logins``: how to log in to the back office as each demo role.

Reads only. Says which demo users exist in this database; works (and says so) when the
demo has not been loaded or the database has not been migrated yet.
"""

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from ontmoet.accounts.models import User

from ...content.reference import DEMO_PASSWORD, USERS
from ...partners import PARTNER_LOGIN

LOGIN_URL = "http://127.0.0.1:8000/staff/login"
PARTNER_LOGIN_URL = "http://127.0.0.1:8000/partner/inloggen"


def existing_usernames() -> set[str] | None:
    """The demo usernames present in the database, or None if it cannot be read."""
    try:
        return set(
            User.objects.filter(username__in=[u[0] for u in USERS]).values_list(
                "username", flat=True
            )
        )
    except DatabaseError:
        return None


class Command(BaseCommand):
    help = "Print the demo staff logins (read-only)."

    def handle(self, *args, **options):
        present = existing_usernames()
        width = max(len(u[0]) for u in USERS)
        lines = [
            "",
            f"Demo back office: {LOGIN_URL}",
            f"Every demo user has the password '{DEMO_PASSWORD}' (demo only).",
            "",
        ]
        for username, _role, _name, _branches, what in USERS:
            missing = "" if present is None or username in present else "  [not in this DB]"
            lines.append(f"  {username:<{width}}  {what}{missing}")
        lines += [
            "",
            f"Demo partner workspace: {PARTNER_LOGIN_URL}",
            f"  {PARTNER_LOGIN}  contact of Taalhuis Den Haag (same password)",
        ]
        if present is None:
            lines += [
                "",
                "The database is not ready; run `manage.py migrate` and `manage.py load_demo`.",
            ]
        elif not present:
            lines += ["", "No demo users yet; run `manage.py load_demo`."]
        lines.append("")
        self.stdout.write("\n".join(lines))
