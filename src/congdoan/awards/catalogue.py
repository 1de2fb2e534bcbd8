"""The titles and award forms a new installation starts with (999/QĐ-TLĐ, 2024, and the Hà Nội
federation's own titles); federations edit them in the back office."""

from congdoan.org.models import Level

P, U = "person", "unit"
TITLES = [
    # code, name, kind, recipient, awarded by
    ("cong-nhan-gioi-nganh", "Công nhân giỏi cấp ngành", "title", P, Level.UPPER),
    ("cong-nhan-gioi-quan", "Công nhân giỏi cấp quận, huyện", "title", P, Level.UPPER),
    ("cong-nhan-gioi-thu-do", "Công nhân giỏi Thủ đô", "title", P, Level.FEDERATION),
    ("doan-vien-xuat-sac", "Đoàn viên công đoàn xuất sắc", "title", P, Level.UPPER),
    (
        "can-bo-dang-vien-tieu-bieu",
        "Cán bộ công đoàn là đảng viên tiêu biểu",
        "title",
        P,
        Level.FEDERATION,
    ),
    ("ca-nhan-dien-hinh", "Cá nhân điển hình tiên tiến", "title", P, Level.UPPER),
    ("cdcs-vung-manh", "Công đoàn cơ sở vững mạnh", "title", U, Level.UPPER),
    ("co-thi-dua-tld", "Cờ thi đua của Tổng Liên đoàn", "form", U, Level.CONFEDERATION),
    ("co-thi-dua-ldld", "Cờ thi đua của LĐLĐ thành phố", "form", U, Level.FEDERATION),
    ("bang-khen-tld", "Bằng khen của Tổng Liên đoàn", "form", P, Level.CONFEDERATION),
    ("bang-khen-ldld", "Bằng khen của LĐLĐ thành phố", "form", P, Level.FEDERATION),
    ("giay-khen", "Giấy khen", "form", P, Level.UPPER),
    ("lao-dong-sang-tao", "Bằng Lao động sáng tạo", "form", P, Level.CONFEDERATION),
    (
        "ky-niem-chuong",
        "Kỷ niệm chương “Vì sự nghiệp xây dựng tổ chức Công đoàn”",
        "form",
        P,
        Level.CONFEDERATION,
    ),
    ("giai-nguyen-duc-canh", "Giải thưởng Nguyễn Đức Cảnh", "form", P, Level.CONFEDERATION),
]


def load_titles(title_model) -> None:
    """Create the catalogue where missing; never overwrite what a federation has edited."""
    for order, (code, name, kind, recipient, level) in enumerate(TITLES):
        title_model.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "kind": kind,
                "recipient": recipient,
                "awarded_by": int(level),
                "order": order,
            },
        )
