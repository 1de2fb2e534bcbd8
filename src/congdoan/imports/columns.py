"""Find the header row of a list and what each column holds, under the names offices use."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from congdoan.core.text import fold

HEADER_SEARCH_ROWS = 30

# field -> label shown to the user, and the folded column names that mean it
MEMBER_FIELDS: dict[str, tuple] = {
    "full_name": (_("Họ và tên"), {"ho va ten", "ho ten", "ho va ten doan vien", "ten doan vien"}),
    "family_middle": (_("Họ và đệm"), {"ho dem", "ho va dem", "ho va ten dem", "ho"}),
    "given_name": (_("Tên"), {"ten"}),
    "birth_date": (
        _("Ngày sinh"),
        {"ngay sinh", "ngay thang nam sinh", "nam sinh", "sinh ngay", "ngay thang sinh"},
    ),
    "male_birth": (_("Ngày sinh (cột Nam)"), {"nam"}),
    "female_birth": (_("Ngày sinh (cột Nữ)"), {"nu"}),
    "gender": (_("Giới tính"), {"gioi tinh", "nam nu", "gioi", "phai"}),
    "citizen_id": (
        _("Số CCCD/CMND"),
        {"so cccd", "cccd", "so cccd cmnd", "cccd cmnd", "cmnd", "so cmnd", "so dinh danh"},
    ),
    "party": (_("Đảng viên"), {"dang vien", "la dang vien", "ngay vao dang", "dv", "dang"}),
    "joined_on": (
        _("Ngày vào công đoàn"),
        {"ngay vao cong doan", "ngay vao cd", "ngay ket nap", "ngay gia nhap", "ngay vao cdcs"},
    ),
    "phone": (_("Điện thoại"), {"dien thoai", "sdt", "so dien thoai", "dt"}),
    "address": (_("Nơi ở"), {"noi o", "dia chi", "noi o hien nay", "cho o hien nay"}),
    "job": (_("Nghề nghiệp, việc làm"), {"nghe nghiep", "cong viec", "viec lam", "chuc danh"}),
    "hometown": (_("Quê quán"), {"que quan", "que"}),
    "ethnicity": (_("Dân tộc"), {"dan toc"}),
    "religion": (_("Tôn giáo"), {"ton giao"}),
    "education": (_("Trình độ học vấn"), {"trinh do hoc van", "hoc van", "van hoa"}),
    "qualification": (_("Trình độ chuyên môn"), {"trinh do chuyen mon", "chuyen mon"}),
    "grassroots": (
        _("Công đoàn cơ sở (mã hoặc tên)"),
        {"cong doan co so", "cdcs", "ma cdcs", "don vi", "ma don vi", "ten cdcs"},
    ),
}
UNIT_FIELDS: dict[str, tuple] = {
    "code": (_("Mã đơn vị"), {"ma", "ma don vi", "ma cdcs", "ma cong doan"}),
    "name": (_("Tên đơn vị"), {"ten don vi", "ten cdcs", "ten cong doan", "ten", "don vi"}),
    "short_name": (_("Tên viết tắt"), {"ten viet tat", "ten ngan"}),
    "sector": (_("Khu vực"), {"khu vuc", "loai hinh", "loai hinh doanh nghiep"}),
    "address": (_("Địa chỉ"), {"dia chi", "tru so"}),
    "parent": (_("Công đoàn cấp trên (mã)"), {"cap tren", "ma cap tren", "cong doan cap tren"}),
    "established_on": (_("Ngày thành lập"), {"ngay thanh lap", "thanh lap"}),
    "decision": (_("Số quyết định thành lập"), {"so quyet dinh", "quyet dinh", "so qd"}),
}
CARE_FIELDS: dict[str, tuple] = {
    "full_name": (_("Họ và tên"), {"ho va ten", "ho ten", "ten nguoi nhan", "nguoi nhan"}),
    "birth_date": (_("Ngày sinh"), {"ngay sinh", "nam sinh", "ngay thang nam sinh"}),
    "citizen_id": (_("Số CCCD/CMND"), {"so cccd", "cccd", "cmnd", "so cmnd", "so dinh danh"}),
    "reason": (_("Lý do hỗ trợ"), {"ly do", "ly do ho tro", "hoan canh", "doi tuong"}),
    "form": (_("Hình thức hỗ trợ"), {"hinh thuc", "hinh thuc ho tro", "loai ho tro"}),
    "value": (
        _("Giá trị (đồng)"),
        {"gia tri", "so tien", "gia tri ho tro", "muc ho tro", "thanh tien", "tien"},
    ),
    "source": (_("Nguồn"), {"nguon", "nguon kinh phi", "nguon ho tro"}),
    "given_on": (_("Ngày hỗ trợ"), {"ngay ho tro", "ngay nhan", "ngay trao", "ngay"}),
    "delivered": (_("Đã trao"), {"da trao", "da nhan", "trang thai"}),
}
# Lists exported from other systems (CiviCRM, Tendenci…) name their columns in English; a
# Vietnamese name split in two puts the family name in last_name.
ENGLISH = {
    "full_name": {"name", "full name", "display name", "member name"},
    "family_middle": {"last name", "surname", "family name"},
    "given_name": {"first name", "given name"},
    "birth_date": {"birth date", "date of birth", "dob", "birthdate", "birth dt"},
    "gender": {"gender", "sex"},
    "citizen_id": {"national id", "id number", "citizen id"},
    "joined_on": {"join date", "join dt", "joined", "member since", "start date", "join on"},
    "phone": {"phone", "mobile", "phone number", "telephone"},
    "address": {"address", "street address", "address 1"},
    "job": {"job title", "occupation", "position"},
    "hometown": {"hometown", "home town"},
}
for _name, _words in ENGLISH.items():
    MEMBER_FIELDS[_name][1].update(_words)
FIELDS = {"members": MEMBER_FIELDS, "units": UNIT_FIELDS, "care": CARE_FIELDS}
REQUIRED = {
    "members": ({"full_name"}, {"family_middle", "given_name"}),
    "units": ({"code", "name"},),
    "care": ({"full_name", "value"},),
}
IGNORED = {"stt", "tt", "so tt", "so thu tu", "ghi chu"}


@dataclass
class Header:
    row: int  # 0-based index of the last header row; data starts below it
    labels: list[str]
    mapping: dict[str, int] = field(default_factory=dict)  # field -> column index

    @property
    def layout_key(self) -> str:
        return hashlib.sha256("|".join(fold(label) for label in self.labels).encode()).hexdigest()


def _field_for(label: str, fields: dict[str, tuple]) -> str | None:
    folded = " ".join(fold(label).replace("_", " ").replace("-", " ").split())
    for name, (_label, names) in fields.items():
        if folded in names:
            return name
    if "cccd" in folded or "cmnd" in folded:
        return "citizen_id" if "citizen_id" in fields else None
    if "ngay sinh" in folded and "birth_date" in fields:
        return "birth_date"
    if "ho" in folded.split() and "ten" in folded.split() and "full_name" in fields:
        return "full_name"
    return None


def guess_mapping(labels: list[str], kind: str) -> dict[str, int]:
    mapping: dict[str, int] = {}
    for index, label in enumerate(labels):
        name = _field_for(label, FIELDS[kind]) if label else None
        if name and name not in mapping:
            mapping[name] = index
    return mapping


def is_complete(mapping: dict[str, int], kind: str) -> bool:
    return any(required <= set(mapping) for required in REQUIRED[kind])


def find_header(rows: list[list], kind: str) -> Header | None:
    """The row (among the first rows) naming the most known columns, with a Nam/Nữ row below."""
    best: Header | None = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        labels = [str(cell) if cell not in (None, "") else "" for cell in row]
        mapping = guess_mapping(labels, kind)
        if is_complete(mapping, kind) and (best is None or len(mapping) > len(best.mapping)):
            best = Header(index, labels, mapping)
    if best is not None and kind == "members":
        _take_sub_header(best, rows)
    return best


def _take_sub_header(header: Header, rows: list[list]) -> None:
    """A merged "Ngày sinh" over separate "Nam" and "Nữ" columns: the birth date's column
    tells the gender."""
    below = rows[header.row + 1] if header.row + 1 < len(rows) else []
    folded = [fold(str(cell)) if isinstance(cell, str) else "" for cell in below]
    if "nam" in folded and "nu" in folded:
        header.mapping.pop("birth_date", None)
        header.mapping["male_birth"] = folded.index("nam")
        header.mapping["female_birth"] = folded.index("nu")
        header.labels = [
            label or str(below[i] or "") if i < len(below) else label
            for i, label in enumerate(header.labels)
        ]
        header.row += 1
