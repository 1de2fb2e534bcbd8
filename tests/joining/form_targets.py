"""The joining forms for the form-field walk: the public form's CCCD (a Đà Nẵng member's number
is "contact your union", with no name) and the union a ward union's application is admitted
into (a Đà Nẵng union is not among its grassroots unions)."""

from __future__ import annotations

from congdoan.joining.forms import AdmitApplicationForm, JoinForm
from congdoan.joining.models import Application
from congdoan.members.models import Membership
from tests.form_walk import FieldCase
from tests.joining.helpers import VIETNAMESE, apply

ADMIT = {
    "decision_number": "21/QĐ-CĐCS",
    "decision_date": "2026-01-10",
    "decision_signer": "Chủ tịch CĐCS",
    "joined_on": "2026-01-10",
}


def _public(data: dict) -> dict:
    shown = {k: "" if v is None else v.isoformat() if hasattr(v, "isoformat") else v
             for k, v in data.items()}  # fmt: skip
    return {"union": "G1", **shown}


def cases(world, foreign) -> list[FieldCase]:
    at_ward = apply(world.kl)
    held = foreign.person
    applicant = {**VIETNAMESE, "gender": held.gender, "birth_date": held.birth_date}
    return [
        FieldCase(
            "joining:join",
            {},
            JoinForm,
            "citizen_id",
            _public(applicant),
            held.citizen_id,
            models=(Application,),
        ),
        FieldCase(
            "joining:admit",
            {"pk": at_ward.pk},
            AdmitApplicationForm,
            "into",
            ADMIT,
            foreign.unit.pk,
            models=(Membership,),
            allowed={"alice", "bob"},
        ),
    ]
