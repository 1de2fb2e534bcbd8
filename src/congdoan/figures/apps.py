from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    name = "congdoan.figures"
    verbose_name = _("Số liệu tổng hợp theo tháng")

    def ready(self) -> None:
        from congdoan.figures import hooks

        hooks.connect()
