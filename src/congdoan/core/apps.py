"""App configuration of core: Vietnamese text, periods, model bases."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "congdoan.core"
    label = "core"
