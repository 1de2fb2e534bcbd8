"""An entry of the trail as a Vietnamese sentence: "Nguyễn Văn A sửa đoàn viên DV000123 Nguyễn
Thị B: điện thoại 0912****78 → 0987****21; nơi ở *** → ***" (dates dd/mm/yyyy)."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congdoan.audit.models import AuditEntry

# What each action did, said after the actor's name and before the object.
ACTIONS = {
    "auth.login": gettext_lazy("đăng nhập"),
    "auth.logout": gettext_lazy("đăng xuất"),
    "auth.login_failed": gettext_lazy("đăng nhập không thành công với tên"),
    "auth.locked_out": gettext_lazy("bị tạm khóa đăng nhập với tên"),
    "admin.add": gettext_lazy("thêm trong trang quản trị"),
    "admin.change": gettext_lazy("sửa trong trang quản trị"),
    "admin.delete": gettext_lazy("xóa trong trang quản trị"),
    "member.admit": gettext_lazy("kết nạp đoàn viên"),
    "member.readmit": gettext_lazy("kết nạp lại đoàn viên"),
    "member.update": gettext_lazy("sửa đoàn viên"),
    "member.transfer": gettext_lazy("chuyển sinh hoạt đoàn viên"),
    "transfer.request": gettext_lazy("đề nghị công đoàn khác tiếp nhận đoàn viên"),
    "transfer.accept": gettext_lazy("tiếp nhận đoàn viên chuyển đến"),
    "transfer.refuse": gettext_lazy("không tiếp nhận đoàn viên chuyển đến"),
    "transfer.cancel": gettext_lazy("hủy yêu cầu chuyển sinh hoạt của đoàn viên"),
    "member.exit": gettext_lazy("ghi rời tổ chức cho đoàn viên"),
    "member.deidentify": gettext_lazy("ẩn danh hồ sơ"),
    "member.invite": gettext_lazy("cấp lời mời kích hoạt tài khoản cho đoàn viên"),
    "member.activate": gettext_lazy("kích hoạt tài khoản đoàn viên"),
    "correction.request": gettext_lazy("đề nghị sửa hồ sơ đoàn viên"),
    "correction.accept": gettext_lazy("chấp nhận đề nghị sửa hồ sơ của đoàn viên"),
    "correction.refuse": gettext_lazy("không chấp nhận đề nghị sửa hồ sơ của đoàn viên"),
    "card.request": gettext_lazy("đề nghị cấp thẻ cho đoàn viên"),
    "card.approve": gettext_lazy("duyệt thẻ của đoàn viên"),
    "card.issue": gettext_lazy("cấp thẻ cho đoàn viên"),
    "referral.create": gettext_lazy("giới thiệu vào Đảng đoàn viên"),
    "referral.advance": gettext_lazy("cập nhật giới thiệu vào Đảng của đoàn viên"),
    "official.appoint": gettext_lazy("bổ nhiệm"),
    "official.end": gettext_lazy("ghi thôi chức vụ cho"),
    "official.remove": gettext_lazy("bỏ khỏi danh sách trúng cử"),
    "term.open": gettext_lazy("ghi đại hội, mở nhiệm kỳ"),
    "term.update": gettext_lazy("sửa đại hội, nhiệm kỳ"),
    "term.close": gettext_lazy("kết thúc nhiệm kỳ"),
    "role.grant": gettext_lazy("giao vai trò cho"),
    "role.revoke": gettext_lazy("thu hồi vai trò của"),
    "activity.record": gettext_lazy("ghi hoạt động"),
    "activity.update": gettext_lazy("sửa hoạt động"),
    "target.set": gettext_lazy("giao chỉ tiêu"),
    "target.change": gettext_lazy("sửa chỉ tiêu"),
    "org.establish": gettext_lazy("thành lập đơn vị"),
    "org.rename": gettext_lazy("đổi tên đơn vị"),
    "org.move": gettext_lazy("chuyển đơn vị"),
    "org.end": gettext_lazy("giải thể đơn vị"),
    "org.merge": gettext_lazy("hợp nhất đơn vị"),
    "org.split": gettext_lazy("chia tách đơn vị"),
}
# Actions by group, for the search form.
GROUPS = {
    "auth": gettext_lazy("Đăng nhập, đăng xuất"),
    "admin": gettext_lazy("Trang quản trị"),
    "member": gettext_lazy("Đoàn viên"),
    "card": gettext_lazy("Thẻ đoàn viên"),
    "correction": gettext_lazy("Đề nghị sửa hồ sơ"),
    "referral": gettext_lazy("Giới thiệu vào Đảng"),
    "official": gettext_lazy("Cán bộ công đoàn"),
    "term": gettext_lazy("Đại hội, nhiệm kỳ"),
    "role": gettext_lazy("Vai trò người dùng"),
    "org": gettext_lazy("Tổ chức"),
    "activity": gettext_lazy("Hoạt động"),
    "target": gettext_lazy("Chỉ tiêu"),
    "awards": gettext_lazy("Khen thưởng"),
    "emulation": gettext_lazy("Thi đua"),
    "import": gettext_lazy("Nhập danh sách"),
}
# Keys that are not a model's field names.
KEYS = {
    "decision": gettext_lazy("quyết định"),
    "effective_on": gettext_lazy("hiệu lực từ"),
    "note": gettext_lazy("ghi chú"),
    "reason": gettext_lazy("lý do"),
    "to_unit": gettext_lazy("đến đơn vị"),
    "from_unit": gettext_lazy("từ đơn vị"),
    "parent": gettext_lazy("trực thuộc"),
    "name": gettext_lazy("tên"),
    "short_name": gettext_lazy("tên ngắn"),
    "on": gettext_lazy("ngày"),
    "kind": gettext_lazy("loại"),
    "status": gettext_lazy("trạng thái"),
    "user": gettext_lazy("người dùng"),
    "total": gettext_lazy("tổng điểm"),
    "class": gettext_lazy("xếp loại"),
    "valid_from": gettext_lazy("hiệu lực từ"),
    "successors": gettext_lazy("đơn vị thay thế"),
    "position": gettext_lazy("chức vụ"),
    "starts_on": gettext_lazy("từ ngày"),
    "ends_on": gettext_lazy("đến ngày"),
    "term": gettext_lazy("nhiệm kỳ"),
    "congress_on": gettext_lazy("ngày đại hội"),
}
TRAILING = ("decision", "effective_on")
# Keys whose values are unit codes: shown as the units' names when `describe` is given them.
UNIT_KEYS = ("parent", "to_unit", "from_unit", "successors")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def actor_of(entry: AuditEntry) -> str:
    if entry.actor_name or entry.actor_username:
        return entry.actor_name or entry.actor_username
    return _("Một người chưa đăng nhập") if entry.action.startswith("auth.") else _("Hệ thống")


def describe(entry: AuditEntry, names: dict[str, str] | None = None) -> str:
    """The whole sentence: who did what to which object, then what changed. `names` (see
    unit_names) turns the unit codes an entry keeps into the units' names."""
    verb = ACTIONS.get(entry.action) or _("thực hiện thao tác “%(group)s” với") % {
        "group": GROUPS.get(entry.action.partition(".")[0], _("khác"))
    }
    target = entry.target
    if entry.object_type == "org.unit" and entry.unit_name and target == entry.unit_code:
        target = entry.unit_name
    sentence = f"{actor_of(entry)} {verb} {target}".rstrip()
    changes = changes_of(entry, names or {})
    if changes:
        sentence += ": " + "; ".join(changes)
    if entry.address:
        sentence += " " + _("(từ địa chỉ %(address)s)") % {"address": entry.address}
    return sentence


def changes_of(entry: AuditEntry, names: dict[str, str] | None = None) -> list[str]:
    before = _named(entry.before, names) if isinstance(entry.before, dict) else {}
    after = _named(entry.after, names) if isinstance(entry.after, dict) else {}
    lines = []
    keys = [*after, *(k for k in before if k not in after)]
    if "effective_on" in after:  # a reorganisation's version starts on its effective day
        keys = [key for key in keys if key != "valid_from"]
    # The change's paper and date close the sentence, whatever order the database kept the keys.
    for key in sorted(keys, key=lambda key: TRAILING.index(key) if key in TRAILING else -1):
        label = label_of(entry.object_type, key)
        if key in before:
            lines.append(f"{label} {shown(before.get(key))} → {shown(after.get(key))}")
        else:
            lines.append(f"{label}: {shown(after[key])}")
    for value, prefix in ((entry.before, _("trước")), (entry.after, _("sau"))):
        if value not in (None, {}, []) and not isinstance(value, dict):
            lines.append(f"{prefix}: {shown(value)}")
    return lines


def _named(values: dict, names: dict[str, str] | None) -> dict:
    if not names:
        return values
    return {
        key: _unit_name(value, names) if key in UNIT_KEYS else value
        for key, value in values.items()
    }


def _unit_name(value: Any, names: dict[str, str]) -> Any:
    if isinstance(value, list):
        return [names.get(item, item) if isinstance(item, str) else item for item in value]
    return names.get(value, value) if isinstance(value, str) else value


def unit_names(entries) -> dict[str, str]:
    """The latest name of every unit an entry names by code (one query for them all)."""
    from congdoan.org.models import UnitVersion

    codes: set[str] = set()
    for entry in entries:
        for values in (entry.before, entry.after):
            if isinstance(values, dict):
                for key in UNIT_KEYS:
                    value = values.get(key)
                    for item in value if isinstance(value, list) else [value]:
                        if isinstance(item, str) and item:
                            codes.add(item)
    if not codes:
        return {}
    versions = UnitVersion.objects.filter(unit__code__in=codes).order_by("valid_from")
    return dict(versions.values_list("unit__code", "name"))


def label_of(object_type: str, key: str) -> str:
    if object_type:
        try:
            model = apps.get_model(object_type)
            return str(model._meta.get_field(key).verbose_name)
        except (LookupError, ValueError, FieldDoesNotExist):
            pass
    return str(KEYS.get(key, key))


def shown(value: Any) -> str:
    if value is None or value == "":
        return _("(trống)")
    if isinstance(value, bool):
        return _("có") if value else _("không")
    if isinstance(value, list):
        return ", ".join(shown(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key} {shown(item)}" for key, item in value.items())
    text = str(value)
    if ISO_DAY.match(text):
        return date.fromisoformat(text).strftime("%d/%m/%Y")
    if ISO_MOMENT.match(text):
        try:
            return datetime.fromisoformat(text).strftime("%d/%m/%Y %H:%M")
        except ValueError:
            return text
    return text
