"""The mechanics under every reorganisation: close a unit's open versions and open new ones.

Nothing is rewritten: a change effective on a day ends the versions then open (valid_to = day)
and starts new ones from that day, so the tree as of any earlier day stays as it was.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from congdoan.core.text import format_date
from congdoan.org.models import Reorganisation, Unit, UnitVersion


def open_version(unit: Unit) -> UnitVersion:
    version = unit.versions.open().select_related("parent").first()
    if version is None:
        raise ValidationError(
            _("Đơn vị %(code)s đã kết thúc hoạt động, không thể thay đổi.") % {"code": unit.code}
        )
    return version


def require_changeable_on(unit: Unit, day: date) -> UnitVersion:
    """The unit's open version, provided a change effective on the day keeps history in order."""
    if day < unit.established_on:
        raise ValidationError(
            _("Ngày hiệu lực %(day)s trước ngày thành lập %(name)s (%(start)s).")
            % {
                "day": format_date(day),
                "name": unit.code,
                "start": format_date(unit.established_on),
            }
        )
    version = open_version(unit)
    if version.valid_from >= day:
        raise ValidationError(
            _(
                "%(name)s đã có thay đổi hiệu lực từ %(start)s; thay đổi mới phải có hiệu lực "
                "sau ngày đó (không sửa lại quá khứ)."
            )
            % {"name": version.name, "start": format_date(version.valid_from)}
        )
    return version


def parent_path_on(parent: Unit | None, day: date) -> tuple[str, int]:
    """The path and depth under which a child of `parent` stands from the day on."""
    if parent is None:
        return "/", 0
    version = open_version(parent)
    if version.valid_from > day or not parent.exists_on(day):
        raise ValidationError(
            _("Đơn vị cấp trên %(name)s chưa tồn tại như hiện nay vào ngày %(day)s.")
            % {"name": version.name, "day": format_date(day)}
        )
    return version.path, version.depth + 1


def start_version(
    unit: Unit,
    *,
    parent: Unit | None,
    name: str,
    short_name: str,
    day: date,
    change: Reorganisation,
) -> UnitVersion:
    path, depth = parent_path_on(parent, day)
    return UnitVersion.objects.create(
        unit=unit,
        parent=parent,
        name=name,
        short_name=short_name,
        path=f"{path}{unit.pk}/",
        depth=depth,
        valid_from=day,
        change=change,
    )


def close_version(version: UnitVersion, day: date) -> None:
    version.valid_to = day
    version.save(update_fields=["valid_to"])


def replace_version(
    version: UnitVersion, *, day: date, change: Reorganisation, **new_values
) -> UnitVersion:
    """End the open version on the day and start a copy of it with new values."""
    close_version(version, day)
    values = {
        "unit": version.unit,
        "parent": version.parent,
        "name": version.name,
        "short_name": version.short_name,
        "path": version.path,
        "depth": version.depth,
    }
    values.update(new_values)
    return UnitVersion.objects.create(valid_from=day, change=change, **values)


def move_subtree(
    version: UnitVersion, *, new_parent: Unit, day: date, change: Reorganisation
) -> UnitVersion:
    """Put a unit and everything below it under a new parent from the day on."""
    descendants = list(UnitVersion.objects.open().under(version.path))
    late = [d for d in descendants if d.valid_from >= day]
    if late:
        raise ValidationError(
            _("%(name)s có đơn vị cấp dưới đã thay đổi từ %(start)s; ngày hiệu lực phải sau đó.")
            % {"name": version.name, "start": format_date(max(d.valid_from for d in late))}
        )
    parent_path, depth = parent_path_on(new_parent, day)
    new_path = f"{parent_path}{version.unit_id}/"
    moved = replace_version(
        version, day=day, change=change, parent=new_parent, path=new_path, depth=depth
    )
    _shift_descendants(
        descendants,
        old_prefix=version.path,
        new_prefix=new_path,
        day=day,
        change=change,
        depth_shift=depth - version.depth,
    )
    return moved


def _shift_descendants(
    descendants: list[UnitVersion],
    *,
    old_prefix: str,
    new_prefix: str,
    day: date,
    change: Reorganisation,
    depth_shift: int,
) -> None:
    if not descendants:
        return
    UnitVersion.objects.filter(pk__in=[d.pk for d in descendants]).update(valid_to=day)
    UnitVersion.objects.bulk_create(
        UnitVersion(
            unit_id=d.unit_id,
            parent_id=d.parent_id,
            name=d.name,
            short_name=d.short_name,
            path=new_prefix + d.path[len(old_prefix) :],
            depth=d.depth + depth_shift,
            valid_from=day,
            change=change,
        )
        for d in descendants
    )
