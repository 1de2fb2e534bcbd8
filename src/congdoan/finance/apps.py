"""The finance app."""

from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "congdoan.finance"
    verbose_name = "Đoàn phí, kinh phí công đoàn"
