"""The cards app."""

from django.apps import AppConfig


class CardsConfig(AppConfig):
    name = "congdoan.cards"
    verbose_name = "Thẻ đoàn viên điện tử"
