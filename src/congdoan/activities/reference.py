"""The activity types a new installation starts with; federations edit and extend them."""

# code, name, order, people label, money label, quantity label, fields
# Each field: (code, label, kind, choices, required).
ACTIVITY_TYPES = [
    (
        "dialogue",
        "Đối thoại",
        1,
        "Số người lao động tham dự",
        "",
        "",
        [
            ("form", "Hình thức", "choice", "Định kỳ|Đột xuất|Trực tuyến", True),
            ("counterpart", "Đối thoại với", "text", "", True),
            ("outcome", "Kết quả", "text", "", False),
        ],
    ),
    (
        "agreement",
        "Thỏa ước lao động tập thể",
        2,
        "Số người lao động được hưởng",
        "",
        "",
        [
            ("expires_on", "Ngày hết hiệu lực", "date", "", False),
            ("benefits", "Nội dung có lợi hơn quy định của pháp luật", "text", "", False),
        ],
    ),
    (
        "inspection",
        "Kiểm tra, giám sát",
        3,
        "",
        "",
        "Số đơn vị được kiểm tra",
        [
            ("subject", "Nội dung kiểm tra, giám sát", "text", "", True),
            ("findings", "Kết quả, kiến nghị", "text", "", False),
        ],
    ),
    (
        "grievance",
        "Kiến nghị của người lao động",
        4,
        "Số người kiến nghị",
        "",
        "",
        [
            ("raised_by", "Người, nhóm kiến nghị", "text", "", True),
            ("resolved_on", "Ngày giải quyết xong", "date", "", False),
            ("resolution", "Cách giải quyết", "text", "", False),
        ],
    ),
    ("legal-advice", "Tư vấn pháp luật", 5, "Số người được tư vấn", "", "", []),
    (
        "care",
        "Chăm lo đoàn viên, người lao động",
        6,
        "Số lượt người được chăm lo",
        "Số tiền (đồng)",
        "",
        [
            (
                "programme",
                "Chương trình",
                "choice",
                "Tết Sum vầy|Mái ấm Công đoàn|Thăm hỏi ốm đau|Khác",
                True,
            ),
            ("source", "Nguồn kinh phí", "choice", "Công đoàn|Doanh nghiệp|Xã hội hóa|Khác", True),
        ],
    ),
    (
        "initiative",
        "Sáng kiến, sáng tạo",
        7,
        "",
        "Giá trị làm lợi (đồng)",
        "",
        [
            ("authors", "Tác giả", "text", "", True),
            ("applied_on", "Ngày áp dụng", "date", "", False),
        ],
    ),
    (
        "event",
        "Sự kiện, phong trào",
        8,
        "Số người tham gia",
        "",
        "Số đơn vị tham gia",
        [
            (
                "campaign",
                "Thuộc đợt",
                "choice",
                "Tháng Công nhân|Tháng hành động ATVSLĐ|Hội thao, văn nghệ|Khám sức khỏe|Khác",
                False,
            ),
        ],
    ),
    ("training", "Tập huấn, đào tạo", 9, "Số học viên", "", "", []),
]


def load_activity_types(type_model, field_model) -> None:
    """Create the types and fields where missing; never overwrite what a federation edited."""
    for code, name, order, people, money, quantity, fields in ACTIVITY_TYPES:
        kind, _created = type_model.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "order": order,
                "people_label": people,
                "money_label": money,
                "quantity_label": quantity,
            },
        )
        for position, (field_code, label, field_kind, choices, required) in enumerate(fields):
            field_model.objects.get_or_create(
                activity_type=kind,
                code=field_code,
                defaults={
                    "label": label,
                    "kind": field_kind,
                    "choices": choices,
                    "required": required,
                    "order": position,
                },
            )
