"""The care forms for the form-field walk (tests/form_walk.py): a programme naming, among the
units taking part, a union of Đà Nẵng."""

from __future__ import annotations

from congdoan.care.forms import ProgrammeForm, SupportForm
from congdoan.care.models import CareProgramme
from tests.emulation.form_targets import NO_UNIT
from tests.form_walk import FieldCase

PROGRAMME = {"name": "Tết walk", "starts_on": "02/01/2025", "ends_on": "28/01/2025",
             "ceiling": "1.000.000"}  # fmt: skip
REFERENCE = {
    (SupportForm, "citizen_id"): (
        "the CCCD of the person supported, kept as typed; it is matched only among the current "
        "members of the union whose list it is (care.selectors.member_by_citizen_id), never "
        "resolved anywhere else, so a CCCD from outside names nobody"
    ),
}


def cases(world, foreign) -> list[FieldCase]:
    return [
        FieldCase(
            "care:new",
            {"pk": world.dd.pk},
            ProgrammeForm,
            "units",
            PROGRAMME,
            f"G1, {foreign.unit.code}",
            admin_outside=True,  # not under the owner (DD): refused to everyone
            message=f"{NO_UNIT} {foreign.unit.code}.",
            models=(CareProgramme,),
            allowed={"alice", "bob", "charlie"},
        )
    ]
