"""A dossier file's content hash, under which its PDF signature check is kept; the files already
stored get theirs (they show "not checked yet" until checked)."""

import hashlib

from django.db import migrations, models


def hash_stored_files(apps, schema_editor):
    Attachment = apps.get_model("awards", "Attachment")
    for pk in list(Attachment.objects.filter(sha256="").values_list("pk", flat=True)):
        data = bytes(Attachment.objects.filter(pk=pk).values_list("data", flat=True).get())
        Attachment.objects.filter(pk=pk).update(sha256=hashlib.sha256(data).hexdigest())


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0003_event_action_labels"),
    ]

    operations = [
        migrations.AddField(
            model_name="attachment",
            name="sha256",
            field=models.CharField(blank=True, max_length=64, verbose_name="mã băm SHA-256"),
        ),
        migrations.RunPython(hash_stored_files, migrations.RunPython.noop),
    ]
