"""What the form-field walk (tests/test_form_scope.py) needs to know of each form that names an
object by a code or an id.

Each app describes its forms in `tests/<app>/form_targets.py`: `cases(world, foreign)` returns
the `FieldCase`s to post, and `REFERENCE` the fields that name only reference data (titles,
positions, ethnicities, provinces), which every user may name. The walk finds every form of
`congdoan` and fails for any field naming an object that neither describes.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django import forms

import congdoan
from congdoan.accounts.models import RoleKind
from congdoan.members.models import Person
from congdoan.org.models import Term, Unit
from tests.factories import user_with_role
from tests.members.registry import admit, person
from tests.scope_walk import ROLES

SKIPPED_MODULES = (  # not imported to find forms: no forms, or side effects on import
    ".migrations",
    ".management",
    "congdoan.demo",
    "congdoan.settings",
    "congdoan.wsgi",
    "congdoan.cli",
)
CODE_WORD = re.compile(r"\bmã\b", re.IGNORECASE)


@dataclass
class Foreign:
    """What lies outside every scope but the administrator's: in Đà Nẵng (DN, G4)."""

    unit: Unit  # G4
    person: Person  # a member of G4
    term: Term  # a term of G4
    council_user: object  # a council member on DN
    user: object  # gina, a grassroots officer of G4
    names: list[str]  # what must never show to anyone but the administrator

    @property
    def code(self) -> str:
        return self.person.code


def build_foreign(world) -> Foreign:
    member = admit(
        world.alice,
        world.g4,
        person("Phan Thị Xa Lạ", gender="F", birth=date(1985, 5, 12)),
        joined_on=date(2010, 1, 4),
    ).person
    term = Term.objects.create(unit=world.g4, name="Khóa Cảng", starts_on=date(2018, 1, 1))
    council_user = user_with_role("hoidong_danang", RoleKind.COUNCIL, world.dn)
    gina = user_with_role("gina_danang", RoleKind.GRASSROOTS, world.g4)
    names = [
        member.full_name,
        "Cảng Đà Nẵng",
        "Liên đoàn Lao động thành phố Đà Nẵng",
        "Khóa Cảng",
        council_user.username,
        gina.username,
    ]
    return Foreign(world.g4, member, term, council_user, gina, names)


MISSING_CODE = "KHONG-CO-MA-NAY"
MISSING_MEMBER = "DV999999"
MISSING_PK = 999_999_999


@dataclass
class FieldCase:
    """One field of one form, posted with a value outside the user's scope.

    `data` is a valid post but for `field`, which holds `outside` (posted by every role but the
    administrator) — and `missing` for the administrator, whose scope holds everything, unless
    `admin_outside` (the value is refused for everyone: a unit not under the organiser). The
    walk counts `models` (and the audit trail) before and after: any difference is a write."""

    url: str
    kwargs: dict
    form: type | str  # the form class, or a name for a view's own parameter
    field: str
    data: dict
    outside: object
    missing: object = MISSING_PK
    models: tuple = ()
    allowed: set[str] = field(default_factory=lambda: set(ROLES))
    admin_outside: bool = False
    message: str = ""  # what an allowed role must read (the words for a code that does not exist)
    refused_status: int = 200  # what an allowed role's refused post answers (the form again)

    @property
    def key(self) -> tuple[str, str]:
        name = self.form if isinstance(self.form, str) else _form_key(self.form)
        return name, self.field

    def post_data(self, username: str) -> dict:
        value = self.outside if username != "alice" or self.admin_outside else self.missing
        return {**self.data, self.field: value}


def _form_key(form_class: type) -> str:
    return f"{form_class.__module__}.{form_class.__qualname__}"


def names_an_object(name: str, form_field: forms.Field) -> bool:
    """A field that takes a code or an id of something: a model choice, a code, an id, a user
    name, or any field whose label or help tells the user to type a code (“mã …”)."""
    if isinstance(form_field, forms.ModelChoiceField):
        return True
    if name in ("code", "username") or name.endswith(("_code", "_id", "_pk")):
        return True
    text = f"{form_field.label or ''} {form_field.help_text or ''}"
    return bool(CODE_WORD.search(text))


def project_forms() -> list[type]:
    for module in pkgutil.walk_packages(congdoan.__path__, "congdoan."):
        if not any(part in module.name for part in SKIPPED_MODULES):
            importlib.import_module(module.name)
    found, stack = [], [forms.BaseForm]
    while stack:
        for sub in stack.pop().__subclasses__():
            stack.append(sub)
            if sub.__module__.startswith("congdoan."):
                found.append(sub)
    return sorted(set(found), key=_form_key)


def naming_fields() -> set[tuple[str, str]]:
    """(form, field) for every field of a project form that names an object."""
    return {
        (_form_key(form_class), name)
        for form_class in project_forms()
        for name, form_field in form_class.base_fields.items()
        if names_an_object(name, form_field)
    }


def _modules():
    for module_file in sorted(Path(__file__).parent.glob("*/form_targets.py")):
        yield importlib.import_module(f"tests.{module_file.parent.name}.form_targets")


def app_cases(world, foreign: Foreign) -> list[FieldCase]:
    return [case for module in _modules() for case in module.cases(world, foreign)]


def reference_fields() -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for module in _modules():
        for (form_class, name), reason in getattr(module, "REFERENCE", {}).items():
            key = form_class if isinstance(form_class, str) else _form_key(form_class)
            table[(key, name)] = reason
    return table
