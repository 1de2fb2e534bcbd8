"""What a form names, resolved through the actor's scope: a member code, a unit code, a user name,
a citizen ID. Every form and service that takes one calls these, so an object outside the scope
answers exactly as one that does not exist — the same words, with no name, unit or status.

`under` narrows a unit further to a subtree (a nominee under the nominating unit, an allocation
under the campaign's organiser, a cluster member under the cluster's owner)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from congdoan.accounts.models import RoleKind, User
from congdoan.accounts.scope import Scope, latest_path
from congdoan.core.text import normalize_text
from congdoan.org.models import Unit, UnitVersion
from congdoan.org.selectors import last_version

CODE_ECHO = 40  # how much of a typed code a message repeats


def unit_not_found(code: str) -> ValidationError:
    return ValidationError(
        _("Không tìm thấy đơn vị mã %(code)s.") % {"code": unit_code_text(code)},
        code="not_found",
    )


def unit_code_text(code: str) -> str:
    return normalize_text(code or "").upper()[:CODE_ECHO]


def is_at_or_under(unit: Unit, top: Unit) -> bool:
    """Whether the unit's latest place in the tree is the top unit or below it."""
    path, top_path = latest_path(unit), latest_path(top)
    return path is not None and top_path is not None and path.startswith(top_path)


def unit_in_scope(code: str, scope: Scope, *, under: Unit | None = None) -> Unit:
    """The unit with this code that the scope reads (and, given `under`, at or below it)."""
    return units_in_scope([code], scope, under=under)[0]


def units_in_scope(codes: list[str], scope: Scope, *, under: Unit | None = None) -> list[Unit]:
    """The units with these codes, in order; one message names every code not found."""
    wanted = [unit_code_text(code) for code in codes]
    found = {u.code: u for u in scope.units(Unit.objects.filter(code__in=set(wanted)))}
    missing = [code for code in dict.fromkeys(wanted) if code not in found]
    if missing:
        raise ValidationError(
            [unit_not_found(code).messages[0] for code in missing], code="not_found"
        )
    units = [found[code] for code in wanted]
    if under is not None:
        require_under(units, under)
    return units


def require_under(units: list[Unit], top: Unit) -> None:
    """Refuse the units that are not the top unit or below it (a service's own check)."""
    outside = [unit.code for unit in dict.fromkeys(units) if not is_at_or_under(unit, top)]
    if outside:
        raise ValidationError(
            _("Đơn vị mã %(codes)s không thuộc %(top)s.")
            % {"codes": ", ".join(outside), "top": _name(top)},
            code="not_under",
        )


def _name(unit: Unit) -> str:
    version = last_version(unit)
    return version.name if version else unit.code


def users_in_scope(scope: Scope) -> QuerySet[User]:
    """Accounts the scope may name: those holding a role on a unit it reads, or no role yet."""
    users = User.objects.filter(is_active=True)
    if scope.everything:
        return users
    readable = scope.units().values("pk")
    return users.filter(Q(roles__unit__in=readable) | Q(roles__isnull=True)).distinct()


def user_in_scope(username: str, scope: Scope) -> User:
    user = users_in_scope(scope).filter(username=(username or "").strip()).first()
    if user is None:
        raise ValidationError(_("Không có người dùng này."), code="not_found")
    return user


def require_council_candidates(users, organiser: Unit) -> None:
    allowed = set(council_candidates(organiser).values_list("pk", flat=True))
    if any(user.pk not in allowed for user in users):
        raise ValidationError(_("Không có người dùng này."), code="not_found")


def council_candidates(organiser: Unit) -> QuerySet[User]:
    """Council members for a campaign of the organiser: council roles on the organiser, a unit
    above it or a unit below it (never one of another branch of the tree)."""
    path = latest_path(organiser) or ""
    line = [int(part) for part in path.strip("/").split("/") if part]
    below = UnitVersion.objects.filter(path__startswith=path).values("unit_id") if path else []
    return User.objects.filter(
        Q(roles__unit__in=line) | Q(roles__unit__in=below),
        roles__kind=RoleKind.COUNCIL,
        is_active=True,
    ).distinct()


def user_label(user: User) -> str:
    """A user as a choice shows them: their full name, then the account name."""
    name = user.get_full_name().strip()
    return f"{name} ({user.username})" if name else user.username
