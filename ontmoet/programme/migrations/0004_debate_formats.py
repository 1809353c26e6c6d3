"""The two formats the code itself needs, on every install and not only with the demo:
"debat" (a tournament's final becomes a public debate) and "debattraining" (a debate
club's training sessions). Names, descriptions and positions as the demo's reference data
(``ontmoet/demo/content/reference.py``), so the demo finds them and leaves them be. A
format that exists already is not touched; going back leaves them (activities may use
them by then)."""

from django.db import migrations

FORMATS = [
    (
        "debat",
        "Debat",
        "Debate",
        "Standpunten naast elkaar, met het publiek in gesprek.",
        2,
    ),
    (
        "debattraining",
        "Debattraining",
        "Debate training",
        "Leren argumenteren, luisteren en spreken voor een groep.",
        9,
    ),
]


def create_formats(apps, schema_editor):
    Format = apps.get_model("programme", "Format")
    for slug, name, name_en, description, position in FORMATS:
        Format.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "name_en": name_en,
                "description": description,
                "position": position,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0003_registration_settings_and_sessions"),
    ]

    operations = [
        migrations.RunPython(create_formats, migrations.RunPython.noop),
    ]
