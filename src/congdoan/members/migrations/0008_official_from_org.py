"""The Official model comes from org onto its old table (org_official): state only, no data moves."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0007_planning_introductions"),
        ("org", "0005_official_moves_to_members"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Official",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="tạo lúc"),
                        ),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="sửa lúc")),
                        ("starts_on", models.DateField(verbose_name="từ ngày")),
                        (
                            "ends_on",
                            models.DateField(blank=True, null=True, verbose_name="đến ngày"),
                        ),
                        (
                            "person",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="posts",
                                to="members.person",
                            ),
                        ),
                        (
                            "position",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                to="org.position",
                                verbose_name="chức vụ",
                            ),
                        ),
                        (
                            "term",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                to="org.term",
                            ),
                        ),
                        (
                            "unit",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="officials",
                                to="org.unit",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "cán bộ công đoàn",
                        "verbose_name_plural": "cán bộ công đoàn",
                        "ordering": ["position__order", "starts_on"],
                        "db_table": "org_official",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
