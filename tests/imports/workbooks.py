"""Member lists as union offices keep them, built in code: title rows, merged cells, a two-row
header with Nam and Nữ columns, legacy encodings, totals and signatures below the list."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook

from tests.members.registry import citizen_id

TITLE = ["DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN CÔNG TY TNHH ĐIỆN TỬ ASTI HÀ NỘI"]
HEADER = ["STT", "HỌ VÀ TÊN", "Ngày sinh", None, "Số CCCD/CMND", "Đảng viên", "Ghi chú"]
SUB_HEADER = [None, None, "Nam", "Nữ", None, None, None]

ANH = citizen_id("M", date(1985, 5, 12))
HANG = citizen_id("F", date(1990, 3, 1))


def people_rows() -> list[list]:
    return [
        [1, "NGUYỄN VĂN ANH", date(1985, 5, 12), None, ANH, "03/02/2010", None],
        [2, "Trần Thị Hằng", None, "01/03/1990", HANG, None, None],
        [3, "Lª ThÞ Thu H»ng", None, "1992", None, None, "gõ bằng phông TCVN3"],
        [4, "Phaïm Vaên Huøng", "12.7.1988", None, None, "03/2015", "gõ bằng phông VNI"],
        [None, None, None, None, None, None, None],
        [5, "Hoàng Văn Bình", "31/02/1990", None, None, None, "ngày không có"],
        [6, "Trần Thị Hằng", None, "01/03/1990", HANG, None, "dòng lặp"],
    ]


def footer_rows() -> list[list]:
    return [
        [None, "Tổng cộng: 6 người", None, None, None, None, None],
        [None, "Người lập biểu", None, None, None, "TM. BAN CHẤP HÀNH", None],
    ]


def member_workbook(rows: list[list] | None = None, header: list | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(TITLE)
    sheet.merge_cells("A1:G1")
    sheet.append(["(Kèm theo báo cáo ngày 30/9/2020)"])
    sheet.append([])
    sheet.append(header or HEADER)
    sheet.merge_cells("C4:D4")
    sheet.append(SUB_HEADER)
    for row in [*(people_rows() if rows is None else rows), *footer_rows()]:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
