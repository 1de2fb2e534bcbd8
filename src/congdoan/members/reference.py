"""Reference lists of the registry: the 54 ethnic groups and the recognised religions."""

ETHNICITIES = [
    "Kinh",
    "Tày",
    "Thái",
    "Mường",
    "Khmer",
    "Hoa",
    "Nùng",
    "Mông",
    "Dao",
    "Gia Rai",
    "Ngái",
    "Ê Đê",
    "Ba Na",
    "Xơ Đăng",
    "Sán Chay",
    "Cơ Ho",
    "Chăm",
    "Sán Dìu",
    "Hrê",
    "Mnông",
    "Ra Glai",
    "Xtiêng",
    "Bru-Vân Kiều",
    "Thổ",
    "Giáy",
    "Cơ Tu",
    "Gié Triêng",
    "Mạ",
    "Khơ Mú",
    "Co",
    "Tà Ôi",
    "Chơ Ro",
    "Kháng",
    "Xinh Mun",
    "Hà Nhì",
    "Chu Ru",
    "Lào",
    "La Chí",
    "La Ha",
    "Phù Lá",
    "La Hủ",
    "Lự",
    "Lô Lô",
    "Chứt",
    "Mảng",
    "Pà Thẻn",
    "Cơ Lao",
    "Cống",
    "Bố Y",
    "Si La",
    "Pu Péo",
    "Brâu",
    "Ơ Đu",
    "Rơ Măm",
]

RELIGIONS = [
    "Không",
    "Phật giáo",
    "Công giáo",
    "Tin Lành",
    "Cao Đài",
    "Phật giáo Hòa Hảo",
    "Hồi giáo",
    "Tôn giáo Baha'i",
    "Tịnh độ Cư sĩ Phật hội Việt Nam",
    "Bửu Sơn Kỳ Hương",
    "Tứ Ân Hiếu Nghĩa",
    "Minh Sư đạo",
    "Minh Lý đạo",
    "Bà-la-môn",
    "Khác",
]


def load_registry_lists(ethnicity_model, religion_model) -> None:
    for order, name in enumerate(ETHNICITIES, start=1):
        ethnicity_model.objects.get_or_create(
            code=f"dt{order:02d}", defaults={"name": name, "order": order}
        )
    for order, name in enumerate(RELIGIONS, start=1):
        religion_model.objects.get_or_create(
            code=f"tg{order:02d}", defaults={"name": name, "order": order}
        )
