"""The organisation's forms for the form-field walk: appointing an official, moving, merging,
establishing and splitting units, each naming what lies in Đà Nẵng (tests/form_walk.py)."""

from __future__ import annotations

from datetime import date

from congdoan.members.models import Official
from congdoan.org.forms import EstablishForm, MergeForm, MoveForm, SplitForm
from congdoan.org.models import Position, Term, Unit, UnitType, UnitVersion
from congdoan.org.official_views import AppointForm
from congdoan.org.term_views import ElectForm
from tests.form_walk import MISSING_CODE, MISSING_MEMBER, FieldCase
from tests.members.registry import admit, person
from tests.scope_walk import MEMBER_KEEPERS, ORG_EDITORS

DECISION = {
    "effective_on": "2021-01-04",
    "decision_number": "9/QĐ-LĐLĐ",
    "decision_date": "2021-01-04",
    "decision_signer": "Chủ tịch",
}
REFERENCE = {
    (AppointForm, "position"): "the positions catalogue",
    (ElectForm, "position"): "the positions catalogue (those a congress elects)",
    (EstablishForm, "unit_type"): "the unit types catalogue",
    (EstablishForm, "sector"): "the sectors catalogue",
    (EstablishForm, "province_code"): "the administrative map (provinces)",
    (EstablishForm, "ward_code"): "the administrative map (wards)",
}
NO_MEMBER = "Không tìm thấy đoàn viên mã"


def cases(world, foreign) -> list[FieldCase]:
    own = admit(world.alice, world.g1, person("Trần Thị Sở Tại", gender="F")).person
    chair = Position.objects.get(code="chair").pk
    grassroots = UnitType.objects.get(code="grassroots").pk
    org = {"allowed": ORG_EDITORS, "models": (Unit, UnitVersion)}
    term = Term.objects.create(unit=world.g1, name="Nhiệm kỳ 2023–2028", starts_on=date(2023, 5, 1))

    def reorganise(pk, kind, form, field, data, outside, **extra):
        return FieldCase(
            "org:reorganise",
            {"pk": pk, "kind": kind},
            form,
            field,
            {**DECISION, **data, "apply": "1"},
            outside,
            **{**org, **extra},
        )

    return [
        FieldCase(
            "org:appoint",
            {"pk": world.g1.pk},
            AppointForm,
            "member_code",
            {"position": chair, "starts_on": "2021-01-04"},
            foreign.code,
            missing=MISSING_MEMBER,
            models=(Official,),
            allowed=MEMBER_KEEPERS,
            message=f"{NO_MEMBER} {foreign.code}.",
        ),
        FieldCase(
            "org:appoint",
            {"pk": world.g1.pk},
            AppointForm,
            "term",
            {"position": chair, "starts_on": "2021-01-04", "member_code": own.code},
            foreign.term.pk,
            models=(Official,),
            allowed=MEMBER_KEEPERS,
        ),
        FieldCase(
            "org:term_elect",
            {"pk": term.pk},
            ElectForm,
            "member_code",
            {"position": chair},
            foreign.code,
            missing=MISSING_MEMBER,
            models=(Official,),
            allowed=MEMBER_KEEPERS,
            message=f"{NO_MEMBER} {foreign.code}.",
        ),
        reorganise(world.g1.pk, "move", MoveForm, "new_parent", {}, world.dn.pk),
        reorganise(world.g1.pk, "merge", MergeForm, "target", {}, foreign.unit.pk),
        reorganise(
            world.dd.pk,
            "establish",
            EstablishForm,
            "code",
            {"name": "Công đoàn Công ty Mới", "unit_type": grassroots},
            foreign.unit.code,
            missing=foreign.unit.code,
            allowed=ORG_EDITORS,
        ),
        reorganise(
            world.g2.pk,
            "split",
            SplitForm,
            "parts",
            {},
            f"{foreign.unit.code} | Công đoàn Tách Một\nTACH2 | Công đoàn Tách Hai",
            missing=f"{MISSING_CODE} | Công đoàn Tách Một\n{foreign.unit.code} | Công đoàn Hai",
        ),
    ]
