"""Member registry URLs."""

from django.urls import path, register_converter

from congdoan.members.views import browse, changes, planning, privacy, records


class CardStep:
    regex = "|".join(records.CARD_STEPS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(CardStep, "card_step")

app_name = "members"
urlpatterns = [
    path("members/", browse.member_list, name="list"),
    path("members/<int:pk>/", browse.member_detail, name="detail"),
    path("members/<int:pk>/edit/", changes.edit, name="edit"),
    path("members/<int:pk>/transfer/", changes.transfer, name="transfer"),
    path("members/<int:pk>/exit/", changes.leave, name="exit"),
    path("members/<int:pk>/readmit/", changes.readmit, name="readmit"),
    path("members/<int:pk>/cards/request/", records.card_request, name="card_request"),
    path("members/<int:pk>/referrals/new/", records.referral_new, name="referral_new"),
    path("members/<int:pk>/export/", records.export, name="export"),
    path("members/<int:pk>/deidentify/", records.deidentify, name="deidentify"),
    path("members/<int:pk>/reads/", privacy.reads, name="reads"),
    path("members/retention/", privacy.retention, name="retention"),
    path("cards/<int:pk>/<card_step:step>/", records.card_step, name="card_step"),
    path("referrals/<int:pk>/advance/", records.referral_step, name="referral_step"),
    path("units/<int:pk>/members/admit/", changes.admit, name="admit"),
    path("units/<int:pk>/members/admit-many/", changes.admit_many, name="admit_many"),
    path("units/<int:pk>/planning/", planning.planning, name="planning"),
]
