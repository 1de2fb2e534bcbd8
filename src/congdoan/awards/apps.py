from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "congdoan.awards"
    verbose_name = "Thi đua – khen thưởng"

    def ready(self) -> None:
        from congdoan.awards import dossier_files  # noqa: F401  (registers the dossiers' PDFs)
