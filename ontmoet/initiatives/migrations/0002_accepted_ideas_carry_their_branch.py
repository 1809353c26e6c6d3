"""An accepted idea is the branch's it was accepted for: the branch of its draft activity.
Accepting set no branch on the idea itself before, so an idea that named none (or another)
still read "no branch chosen" and counted in the overview's "—" row. Going back leaves it."""

from django.db import migrations


def carry_the_branch(apps, schema_editor):
    Initiative = apps.get_model("initiatives", "Initiative")
    accepted = Initiative.objects.filter(status="accepted", activity__isnull=False)
    for pk, branch_id, activity_branch_id in accepted.values_list(
        "pk", "branch_id", "activity__branch_id"
    ):
        if branch_id != activity_branch_id:
            Initiative.objects.filter(pk=pk).update(branch_id=activity_branch_id)


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0001_initial")]

    operations = [migrations.RunPython(carry_the_branch, migrations.RunPython.noop)]
