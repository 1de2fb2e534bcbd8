"""What a request names, resolved through the user's scope (accounts.lookups): in the path, a
missing object and one outside the scope both answer 404 with the same words; in a body or a
query string, both answer 400 with the same message, under the field's name."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework.exceptions import NotFound, ValidationError

from congdoan.accounts.lookups import unit_in_scope
from congdoan.accounts.scope import scope_for
from congdoan.members.lookups import member_in_scope


def path_unit(request, code: str):
    try:
        return unit_in_scope(code, scope_for(request.user))
    except DjangoValidationError:
        raise NotFound() from None


def path_member(request, code: str):
    try:
        return member_in_scope(code, scope_for(request.user))
    except DjangoValidationError:
        raise NotFound() from None


def field_unit(request, code: str, field: str, **kwargs):
    try:
        return unit_in_scope(code, scope_for(request.user), **kwargs)
    except DjangoValidationError as error:
        raise ValidationError({field: error.messages}) from None


def field_member(request, code: str, field: str):
    try:
        return member_in_scope(code, scope_for(request.user))
    except DjangoValidationError as error:
        raise ValidationError({field: error.messages}) from None
