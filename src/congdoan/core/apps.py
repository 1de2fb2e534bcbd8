"""App configuration of core: Vietnamese text, periods, model bases."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "congdoan.core"
    label = "core"

    def ready(self) -> None:
        from congdoan.core import lookups  # noqa: F401  (registers `__any_of` on every field)
