"""The member's own data as a PDF: the union paper layout (core/documents.py), one table per
part of the record."""

from __future__ import annotations

from datetime import date

from congdoan.core.documents import Heading, Paragraph, Table, UnionDocument, as_pdf
from congdoan.core.text import format_date


def _day(iso: str | None) -> str:
    return format_date(date.fromisoformat(iso)) if iso else "—"


PERSONAL = [
    ("code", "Mã đoàn viên"), ("full_name", "Họ và tên"), ("birth_date", "Ngày sinh"),
    ("gender", "Giới tính"), ("citizen_id", "Số CCCD"), ("id_issued_on", "Ngày cấp"),
    ("id_issued_by", "Nơi cấp"), ("hometown", "Quê quán"), ("ethnicity", "Dân tộc"),
    ("religion", "Tôn giáo"), ("education", "Trình độ học vấn"),
    ("qualification", "Trình độ chuyên môn"), ("job", "Nghề nghiệp, việc làm"),
    ("phone", "Điện thoại"), ("address", "Nơi ở"), ("health", "Tình trạng sức khỏe"),
    ("union_joined_on", "Ngày vào công đoàn"), ("party_joined_on", "Ngày vào Đảng"),
    ("party_confirmed_on", "Ngày chính thức"),
]  # fmt: skip
DATES = {"birth_date", "id_issued_on", "union_joined_on", "party_joined_on", "party_confirmed_on"}


def _personal(data: dict) -> Table:
    rows = []
    for key, label in PERSONAL:
        value = data.get(key)
        rows.append([label, _day(value) if key in DATES else (value or "—")])
    return Table(headers=["Mục", "Nội dung"], rows=rows)


def _table(headers: list[str], rows: list[list[str]]) -> Table | Paragraph:
    return Table(headers=headers, rows=rows) if rows else Paragraph("Không có.", italic=True)


def record_pdf(data: dict, *, today: date) -> bytes:
    union = data["memberships"][-1]["union"] if data["memberships"] else ""
    blocks = [
        Heading("1. Thông tin cá nhân"),
        _personal(data),
        Heading("2. Quá trình sinh hoạt công đoàn"),
        _table(
            ["Công đoàn", "Từ ngày", "Đến trước ngày", "Hình thức"],
            [[m["union"], _day(m["from"]), _day(m["to"]), m["entry"]] for m in data["memberships"]],
        ),
        Heading("3. Chức vụ công đoàn"),
        _table(
            ["Chức vụ", "Đơn vị", "Từ ngày", "Đến ngày"],
            [[p["position"], p["unit"], _day(p["from"]), _day(p["to"])] for p in data["posts"]],
        ),
        Heading("4. Khen thưởng"),
        _table(
            ["Năm", "Danh hiệu", "Quyết định", "Kiểm tra tại"],
            [[str(a["year"]), a["title"], a["decision"], a["verify_url"]] for a in data["awards"]],
        ),
        Heading("5. Giới thiệu cho Đảng"),
        _table(
            ["Công đoàn", "Nghị quyết", "Chi bộ", "Trạng thái"],
            [
                [r["union"], f"{r['resolution']} ({_day(r['on'])})", r["party_cell"], r["status"]]
                for r in data["party_referrals"]
            ],
        ),  # fmt: skip
        Heading("6. Xếp loại chất lượng công đoàn cơ sở"),
        _table(["Năm", "Xếp loại"], [[str(q["year"]), q["class"]] for q in data["union_quality"]]),
    ]
    document = UnionDocument(
        parent_body="",
        issuer=union.upper(),
        kind="BẢN SAO DỮ LIỆU CÁ NHÂN",
        subject=f"Của đoàn viên {data['full_name']} ({data['code']})",
        dated=today,
        blocks=blocks,
    )
    return as_pdf(document)
