"""The registry's forms for the form-field walk: a move, a re-admission, a record's CCCD and the
admissions, each naming what lies in Đà Nẵng (tests/form_walk.py). A transfer request's receiver
may be any open grassroots union in the country (issue 16: across federations), Đà Nẵng's too;
what it never names is anything else there — the Đà Nẵng federation itself is answered as a code
that does not exist, with no name."""

from __future__ import annotations

from datetime import date

from congdoan.members.forms import (
    AdmitForm,
    AdmitManyForm,
    PersonForm,
    ReadmitForm,
    TransferForm,
    TransferRequestForm,
)
from congdoan.members.models import Membership, Person, PlanningIntroduction, TransferRequest
from congdoan.members.services import member_exit
from congdoan.members.views.planning import PlanningForm
from tests.form_walk import MISSING_MEMBER, FieldCase
from tests.members.registry import admit, person
from tests.scope_walk import MEMBER_KEEPERS

DECISION = {
    "decision_number": "9/QĐ-CĐCS",
    "decision_date": "2021-01-04",
    "decision_signer": "Chủ tịch CĐCS",
}
REFERENCE = {
    (PersonForm, "ethnicity"): "the ethnicities catalogue",
    (PersonForm, "religion"): "the religions catalogue",
    (AdmitForm, "ethnicity"): "the ethnicities catalogue",
    (AdmitForm, "religion"): "the religions catalogue",
}
PLANNING = {
    "introduced_on": "01/03/2021",
    "document_number": "12/CĐCS",
    "party_committee": "Chi ủy Công ty",
    "planned_position": "Phó Giám đốc",
    "term_from": "2020",
    "term_to": "2025",
    "status": "introduced",
}
TAKEN = "đã là đoàn viên ở đơn vị khác — đề nghị chuyển sinh hoạt qua công đoàn cấp trên"


def _record(full_name: str) -> dict:
    return {
        "full_name": full_name,
        "birth_date": "1985-05-12",
        "gender": "F",
        "joined_on": "2021-01-04",
        **DECISION,
    }


def cases(world, foreign) -> list[FieldCase]:
    own = admit(world.alice, world.g1, person("Trần Thị Sở Tại", gender="F")).person
    left = admit(world.alice, world.g1, person("Vũ Thị Đã Nghỉ", gender="F")).person
    member_exit(actor=world.alice, person=left, on=date(2020, 6, 1), kind="retirement")
    keep = {"allowed": MEMBER_KEEPERS}
    cccd = foreign.person.citizen_id
    return [
        FieldCase(
            "members:transfer_request",
            {"pk": own.pk},
            TransferRequestForm,
            "to_unit",
            {"note": ""},
            world.dn.code,
            admin_outside=True,  # not a grassroots union: refused for everyone
            models=(TransferRequest, Membership),
            message=f"Không tìm thấy công đoàn cơ sở đang hoạt động mã {world.dn.code}.",
            **keep,
        ),
        FieldCase(
            "members:transfer",
            {"pk": own.pk},
            TransferForm,
            "to_unit",
            {"on": "2021-01-04", "note": ""},
            foreign.unit.pk,
            models=(Membership,),
            **keep,
        ),
        FieldCase(
            "members:readmit",
            {"pk": left.pk},
            ReadmitForm,
            "unit",
            {"on": "2021-01-04", **DECISION},
            foreign.unit.pk,
            models=(Membership,),
            **keep,
        ),
        FieldCase(
            "members:edit",
            {"pk": own.pk},
            PersonForm,
            "citizen_id",
            _record(own.full_name),
            cccd,
            admin_outside=True,  # the administrator reads its holder: the name, no write
            models=(Person,),
            message=TAKEN,
            **keep,
        ),
        FieldCase(
            "members:admit",
            {"pk": world.g1.pk},
            AdmitForm,
            "citizen_id",
            _record("Lê Thị Mới Vào"),
            cccd,
            admin_outside=True,  # the administrator reads its holder: the name, no write
            models=(Person, Membership),
            message=TAKEN,
            **keep,
        ),
        FieldCase(
            "members:planning",
            {"pk": world.g1.pk},
            PlanningForm,
            "member_code",
            PLANNING,
            foreign.code,
            missing=MISSING_MEMBER,
            models=(PlanningIntroduction,),
            message=f"Không tìm thấy đoàn viên mã {foreign.code}.",
            **keep,
        ),
        FieldCase(
            "members:admit_many",
            {"pk": world.g1.pk},
            AdmitManyForm,
            "rows",
            {"joined_on": "2021-01-04", **DECISION},
            f"Lê Thị Mới Vào; 12/05/1985; Nữ; {cccd}",
            admin_outside=True,
            models=(Person, Membership),
            message=TAKEN,
            **keep,
        ),
    ]
