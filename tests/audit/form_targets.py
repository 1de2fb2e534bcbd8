"""The trail's search form for the form-field walk (tests/form_walk.py): a unit outside the
scope is answered as a code that does not exist, and none of its entries shows."""

from __future__ import annotations

from congdoan.audit.forms import TrailSearchForm
from tests.form_walk import FieldCase
from tests.scope_walk import MEMBER_KEEPERS


def cases(world, foreign) -> list[FieldCase]:
    return [
        FieldCase(
            "audit:trail",
            {},
            TrailSearchForm,
            "unit",
            {},
            outside=foreign.unit.code,
            missing="KHONGCO",
            allowed=MEMBER_KEEPERS,
            message="Không tìm thấy đơn vị mã",
        )
    ]
