"""Granting a role names a user: one whose roles all lie outside the granter's scope is not
found (tests/form_walk.py)."""

from __future__ import annotations

from congdoan.accounts.models import Role
from congdoan.accounts.views import GrantForm
from tests.form_walk import FieldCase
from tests.scope_walk import ROLE_GRANTERS

REFERENCE = {  # named by path: these forms are another part's, and may move
    ("congdoan.accounts.signin.CodeForm", "code"): "a one-time password, it names nothing",
    ("congdoan.accounts.self_service.ConfirmForm", "code"): "a one-time password",
    ("congdoan.accounts.admin.NewUserForm", "username"): "the back office: a new account",
}


def cases(world, foreign) -> list[FieldCase]:
    return [
        FieldCase(
            "accounts:unit_roles",
            {"pk": world.g1.pk},
            GrantForm,
            "username",
            {"kind": "viewer"},
            foreign.user.username,
            missing="khong_co_nguoi_nay",
            models=(Role,),
            allowed=ROLE_GRANTERS,
            message="Không có người dùng này.",
        )
    ]
