"""The notifications app: each user's inbox of steps waiting on them."""

from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "congdoan.notifications"
    verbose_name = "Hộp việc"

    def ready(self) -> None:
        from congdoan.notifications import sources  # noqa: F401  (registers the inbox sources)
