"""The care app."""

from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "congdoan.care"
    verbose_name = "Chương trình chăm lo đoàn viên, người lao động"
