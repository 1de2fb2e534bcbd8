"""Naming a signer names a user: one whose roles all lie outside the keeper's scope is not found
(tests/form_walk.py)."""

from __future__ import annotations

from congdoan.signing.forms import SignerForm
from congdoan.signing.models import Signer
from tests.form_walk import FieldCase
from tests.scope_walk import ROLE_GRANTERS


def cases(world, foreign) -> list[FieldCase]:
    return [
        FieldCase(
            "signing:signer_new",
            {"pk": world.g1.pk},
            SignerForm,
            "username",
            {"name": "Nguyễn Văn Ký", "title": "Chủ tịch"},
            foreign.user.username,
            missing="khong_co_nguoi_nay",
            models=(Signer,),
            allowed=ROLE_GRANTERS,
            message="Không có người dùng này.",
        )
    ]
