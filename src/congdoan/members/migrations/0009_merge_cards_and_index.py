"""Joins the three 0008 migrations made side by side (officials moved from org, the card
workflow with foreign workers, the membership index); it changes nothing itself."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0008_card_workflow_and_foreign_workers"),
        ("members", "0008_membership_unit_ended_on"),
        ("members", "0008_official_from_org"),
    ]

    operations = []
