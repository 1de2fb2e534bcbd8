"""The notices app: what a user asked for that has moved, kept until they read it."""

from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "congdoan.notices"
    verbose_name = "Thông báo"
