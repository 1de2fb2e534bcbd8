"""The joining app."""

from django.apps import AppConfig


class JoiningConfig(AppConfig):
    name = "congdoan.joining"
    verbose_name = "Đơn xin gia nhập công đoàn"
