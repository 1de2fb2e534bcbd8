"""Revoking a token names it by id: another user's token answers 404, as a missing one, and
nothing changes (tests/form_walk.py)."""

from __future__ import annotations

from congdoan.api.models import ApiToken
from congdoan.api.pages import RevokeForm
from congdoan.api.tokens import token_create
from tests.form_walk import FieldCase


def cases(world, foreign) -> list[FieldCase]:
    others = token_create(actor=foreign.user, user=foreign.user, name="Đồng bộ Đà Nẵng").token
    return [
        FieldCase(
            "tokens:revoke",
            {},
            RevokeForm,
            "token",
            {},
            others.pk,
            models=(ApiToken,),
            refused_status=404,
        )
    ]
