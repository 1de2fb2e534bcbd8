"""Member registry URLs."""

from django.urls import path, register_converter

from congdoan.members.views import browse, changes, planning, privacy, records, transfers


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
    path("members/<int:pk>/transfer-request/", transfers.request_transfer, name="transfer_request"),
    path("members/transfer-receivers/", transfers.receivers, name="transfer_receivers"),
    path("transfers/<int:pk>/", transfers.detail, name="transfer_detail"),
    path("transfers/<int:pk>/accept/", transfers.accept, name="transfer_accept"),
    path("transfers/<int:pk>/refuse/", transfers.refuse, name="transfer_refuse"),
    path("transfers/<int:pk>/cancel/", transfers.cancel, name="transfer_cancel"),
    path("units/<int:pk>/transfers/in/", transfers.unit_list, {"side": "in"}, name="transfers_in"),
    path(
        "units/<int:pk>/transfers/out/", transfers.unit_list, {"side": "out"}, name="transfers_out"
    ),
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
