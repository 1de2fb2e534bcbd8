"""The reference lists a new installation starts with; federations edit them in the back office."""

UNIT_TYPES = [
    # code, name, level, order
    ("confederation", "Tổng Liên đoàn Lao động Việt Nam", 0, 0),
    ("federation", "Liên đoàn Lao động tỉnh, thành phố", 1, 10),
    ("national-sector", "Công đoàn ngành trung ương", 1, 11),
    ("district", "Liên đoàn Lao động quận, huyện, thị xã", 2, 20),
    ("sector-union", "Công đoàn ngành", 2, 21),
    ("industrial-park", "Công đoàn các khu công nghiệp", 2, 22),
    ("ward", "Công đoàn phường, xã", 2, 23),
    ("grassroots", "Công đoàn cơ sở", 3, 30),
    ("trade", "Nghiệp đoàn", 3, 31),
    ("section", "Công đoàn bộ phận", 4, 40),
    ("group", "Tổ công đoàn", 5, 50),
]

SECTORS = [
    ("public", "Hành chính, sự nghiệp", 1),
    ("state-enterprise", "Doanh nghiệp nhà nước", 2),
    ("non-state", "Doanh nghiệp ngoài nhà nước", 3),
    ("fdi", "Doanh nghiệp có vốn đầu tư nước ngoài", 4),
    ("cooperative", "Hợp tác xã", 5),
    ("other", "Khác", 6),
]

POSITIONS = [
    ("chair", "Chủ tịch", 1),
    ("vice-chair", "Phó Chủ tịch", 2),
    ("standing-member", "Ủy viên Ban Thường vụ", 3),
    ("executive-member", "Ủy viên Ban Chấp hành", 4),
    ("inspection-chair", "Chủ nhiệm Ủy ban Kiểm tra", 5),
    ("inspection-member", "Ủy viên Ủy ban Kiểm tra", 6),
    ("group-leader", "Tổ trưởng công đoàn", 7),
]


def load_reference_data(unit_type_model, sector_model, position_model) -> None:
    """Create the lists where missing; never overwrite what a federation has edited."""
    for code, name, level, order in UNIT_TYPES:
        unit_type_model.objects.get_or_create(
            code=code, defaults={"name": name, "level": level, "order": order}
        )
    for code, name, order in SECTORS:
        sector_model.objects.get_or_create(code=code, defaults={"name": name, "order": order})
    for code, name, order in POSITIONS:
        position_model.objects.get_or_create(code=code, defaults={"name": name, "order": order})
