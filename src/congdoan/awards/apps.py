from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "congdoan.awards"
    verbose_name = "Thi đua – khen thưởng"
