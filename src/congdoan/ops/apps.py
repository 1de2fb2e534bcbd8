"""App configuration of ops: running the system in production (server, worker, health)."""

from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "congdoan.ops"
    label = "ops"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from congdoan.ops.logs import install_record_factory

        install_record_factory()
