"""``manage.py counter_token <zone id> <name>``: register a door counter for a study zone and
print its token, once (only its digest is kept)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ontmoet.studyplaces.models import StudyZone
from ontmoet.studyplaces.services import counter_token_create


class Command(BaseCommand):
    help = "Register a door counter for a study zone and print its token once."

    def add_arguments(self, parser):
        parser.add_argument("zone", type=int)
        parser.add_argument("name")

    def handle(self, *args, **options):
        zone = StudyZone.objects.filter(pk=options["zone"]).first()
        if zone is None:
            raise CommandError("No such study zone.")
        try:
            device, token = counter_token_create(zone=zone, name=options["name"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"Counter {device.pk} for {zone}: Authorization: Device {token}")
