"""The notifications app: each user's inbox of steps waiting on them."""

from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "congdoan.notifications"
    verbose_name = "Hộp việc"
