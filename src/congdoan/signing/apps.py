"""The signing app."""

from django.apps import AppConfig


class SigningConfig(AppConfig):
    name = "congdoan.signing"
    verbose_name = "Chữ ký số"
