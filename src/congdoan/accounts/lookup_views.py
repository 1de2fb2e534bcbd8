"""The type-ahead lookups (JSON) behind every long choice: units and members found by a name
typed without tones, by code, and members also by CCCD or card number.

Everything answered is read through the requesting user's scope — what lies outside does not
appear, and a unit named in the query string that the user may not read answers as one that
does not exist. A CCCD search keeps only the people whose registry the user keeps (as the member
list does) and is logged like the list; no CCCD is ever answered but masked. The number of
answers is bounded (`MAX_LIMIT`); a bad parameter answers 400 with a Vietnamese reason."""

from __future__ import annotations

import re
from dataclasses import replace

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from congdoan.accounts.lookups import users_in_scope
from congdoan.accounts.scope import Scope, latest_path, scope_for
from congdoan.core.params import BadParameter, parse_int
from congdoan.core.text import fold
from congdoan.members.models import Person, person_pk_from_code
from congdoan.members.privacy import log_list, mask, with_keeping
from congdoan.members.selectors import (
    MemberFilter,
    attach_current_units,
    find_people,
    readable_people,
)
from congdoan.org.models import Unit
from congdoan.org.selectors import search_units

DEFAULT_LIMIT = 10
MAX_LIMIT = 20
MAX_QUERY = 100
MAX_USERS_READ = 5000  # accounts are officials: thousands at most in one scope
MEMBER_CODE = re.compile(r"\s*(dv\s*)?\d{1,8}\s*", re.IGNORECASE)  # DV000123, dv123, 123


class NotFound(Exception):
    """A unit the user may not read, or that does not exist: answered alike."""


def _text(request) -> str:
    text = " ".join(request.GET.get("q", "").split())
    if not text:
        raise BadParameter(_("Hãy gõ tên, mã hoặc số CCCD để tìm."))
    if len(text) > MAX_QUERY:
        raise BadParameter(_("Nội dung tìm dài quá %(max)s ký tự.") % {"max": MAX_QUERY})
    return text


def _limit(request) -> int:
    value = request.GET.get("limit", "")
    if not value.strip():
        return DEFAULT_LIMIT
    return parse_int(value, minimum=1, maximum=MAX_LIMIT, label=_("Số kết quả"))


def _unit(request, name: str, scope: Scope) -> Unit | None:
    """The unit a query-string parameter names by id, through the scope; None when not given."""
    value = request.GET.get(name, "")
    if not value.strip():
        return None
    pk = parse_int(value, minimum=1, label=_("Đơn vị"))
    unit = scope.units(Unit.objects.filter(pk=pk)).first()
    if unit is None:
        raise NotFound
    return unit


def _answer(request, find) -> JsonResponse:
    try:
        results = find(request, scope_for(request.user))
    except BadParameter as error:
        return _json({"error": str(error)}, status=400)
    except NotFound:
        return _json({"error": _("Không tìm thấy đơn vị.")}, status=404)
    return _json({"results": results})


def _json(body: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


@login_required
@require_GET
def units(request):
    """Units whose code or any name they had matches: `q`, `limit`, `under` (a unit id: that
    subtree only), `open=1` (units that exist today only)."""
    return _answer(request, _find_units)


def _find_units(request, scope: Scope) -> list[dict]:
    text, limit = _text(request), _limit(request)
    under = _unit(request, "under", scope)
    today = timezone.localdate() if request.GET.get("open") == "1" else None
    within = (latest_path(under) or "") if under is not None else ""
    found = search_units(scope, text, as_of=today, limit=limit, within=within)
    return [
        {
            "code": version.unit.code,
            "name": version.name,
            "detail": _unit_detail(version),
        }
        for version in found
    ]


def _unit_detail(version) -> str:
    parts = [version.parent_name] if version.parent_name else []
    if version.valid_to is not None:
        parts.append(_("đã kết thúc"))
    return " · ".join(parts)


@login_required
@require_GET
def members(request):
    """People found by name (tones or not), member code, CCCD or card number: `q`, `limit`,
    `unit` (a unit id: today's members of that subtree only), `status=all` (who left too)."""
    return _answer(request, _find_members)


def _find_members(request, scope: Scope) -> list[dict]:
    text, limit = _text(request), _limit(request)
    unit = _unit(request, "unit", scope)
    today = timezone.localdate()
    wanted = MemberFilter(
        text=text,
        unit_path=(latest_path(unit) or "") if unit is not None else "",
        status="all" if request.GET.get("status") == "all" else "current",
    )
    if MEMBER_CODE.fullmatch(text):
        people = _by_code(scope, text, wanted, today)
    else:
        people = find_people(scope, wanted, today=today)
    found = attach_current_units(list(with_keeping(people, scope)[:limit]), today)
    log_list(request.user, wanted, found, total=len(found), unit_name="", party_column=False)
    return [_member_row(person) for person in found]


def _by_code(scope: Scope, text: str, wanted: MemberFilter, today):
    """The one person with this member code, if the filter (unit, status) keeps them."""
    pk = person_pk_from_code(text)
    matching = find_people(scope, replace(wanted, text=""), today=today)
    return matching.filter(pk=pk) if pk is not None else readable_people(scope).none()


def _member_row(person: Person) -> dict:
    detail = [part for part in (person.birth_shown, person.current_unit_name) if part]
    citizen_id = mask("citizen_id", person.citizen_id)
    return {
        "code": person.code,
        "name": person.full_name,
        "detail": " · ".join([*detail, *([citizen_id] if citizen_id else [])]),
    }


@login_required
@require_GET
def users(request):
    """Accounts the user may name (as the role form does) whose username or full name matches
    the words typed, tones or not: `q`, `limit`."""
    return _answer(request, _find_users)


def _find_users(request, scope: Scope) -> list[dict]:
    words, limit = fold(_text(request)).split(), _limit(request)
    found = []
    accounts = users_in_scope(scope).order_by("username")
    for username, first, last in accounts.values_list("username", "first_name", "last_name")[
        :MAX_USERS_READ
    ]:
        name = " ".join(part for part in (last, first) if part)
        if all(word in fold(f"{username} {name}") for word in words):
            found.append({"code": username, "name": name or username, "detail": username})
            if len(found) == limit:
                break
    return found
