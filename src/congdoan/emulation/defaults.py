"""The first scorecards shipped: the yearly grassroots quality rating (guideline 1294/HD-TLĐ,
2019: 40/40/15 and a bonus of 5) for enterprise and public-sector unions, and a cluster
covenant scale. Federations copy and edit them for later years."""

from __future__ import annotations

from congdoan.emulation.models import CriterionKind, UnitKind

# (code, title, max points, evidence, children); a kind may follow as a sixth item.
REPRESENTATION_ENTERPRISE = [
    ("1.1", "Đối thoại định kỳ, thực hiện quy chế dân chủ ở cơ sở", 10, "Biên bản đối thoại"),
    (
        "1.2",
        "Thương lượng, ký kết và giám sát thực hiện thỏa ước lao động tập thể",
        10,
        "Bản thỏa ước còn hiệu lực",
    ),
    (
        "1.3",
        "Chăm lo việc làm, thu nhập, đời sống của đoàn viên, người lao động",
        10,
        "Báo cáo chăm lo",
    ),
    ("1.4", "Tham gia công tác an toàn, vệ sinh lao động", 10, "Kế hoạch, biên bản kiểm tra"),
]
REPRESENTATION_PUBLIC = [
    (
        "1.1",
        "Tham gia xây dựng, giám sát quy chế dân chủ, quy chế chi tiêu nội bộ",
        10,
        "Quy chế được ban hành",
    ),
    ("1.2", "Phối hợp tổ chức hội nghị cán bộ, công chức, viên chức", 10, "Nghị quyết hội nghị"),
    ("1.3", "Chăm lo đời sống, bảo vệ quyền lợi của đoàn viên", 10, "Báo cáo chăm lo"),
    ("1.4", "Tham gia giám sát thực hiện chế độ, chính sách", 10, "Biên bản giám sát"),
]
ORGANISATION = [
    ("2.1", "Phát triển đoàn viên, tỷ lệ đoàn viên trên tổng số lao động", 10, "Danh sách kết nạp"),
    ("2.2", "Hoạt động của ban chấp hành, chế độ sinh hoạt, hội họp", 10, "Sổ nghị quyết"),
    ("2.3", "Thu, chi, quản lý tài chính công đoàn đúng quy định", 10, "Báo cáo tài chính"),
    ("2.4", "Giới thiệu đoàn viên ưu tú cho Đảng; công tác kiểm tra", 10, "Nghị quyết giới thiệu"),
]
COMMUNICATION = [
    (
        "3.1",
        "Tuyên truyền chủ trương của Đảng, pháp luật, nghị quyết công đoàn",
        8,
        "Kế hoạch tuyên truyền",
    ),
    ("3.2", "Phong trào thi đua, văn hóa, thể thao; các nhiệm vụ khác", 7, "Báo cáo phong trào"),
]
BONUS = [("4.1", "Mô hình, cách làm hay được cấp trên ghi nhận", 5, "Văn bản ghi nhận")]


def quality_criteria(kind: str) -> list[tuple]:
    representation = REPRESENTATION_PUBLIC if kind == UnitKind.PUBLIC else REPRESENTATION_ENTERPRISE
    return [
        ("1", "Công tác đại diện, bảo vệ, chăm lo", 40, "", representation),
        ("2", "Xây dựng tổ chức công đoàn vững mạnh", 40, "", ORGANISATION),
        ("3", "Công tác tuyên truyền và các nhiệm vụ khác", 15, "", COMMUNICATION),
        ("4", "Điểm thưởng", 5, "", BONUS, CriterionKind.BONUS),
    ]


COVENANT_CRITERIA = [
    (
        "1",
        "Tuyên truyền, vận động, kết nạp đoàn viên, thành lập CĐCS",
        25,
        "",
        [
            ("1.1", "Kết nạp đoàn viên mới đạt chỉ tiêu giao ước", 15, "Danh sách kết nạp"),
            (
                "1.2",
                "Thành lập CĐCS mới, nhất là khu vực ngoài nhà nước",
                10,
                "Quyết định thành lập",
            ),
        ],
    ),
    (
        "2",
        "Tháng Công nhân gắn với Tháng hành động về ATVSLĐ",
        20,
        "",
        [
            ("2.1", "Tổ chức Tháng Công nhân, Tháng hành động về ATVSLĐ", 20, "Báo cáo tổng kết"),
        ],
    ),
    (
        "3",
        "Đối thoại, thương lượng tập thể, thực hiện quy chế dân chủ",
        25,
        "",
        [
            ("3.1", "Đối thoại định kỳ, đột xuất tại doanh nghiệp", 15, "Biên bản đối thoại"),
            ("3.2", "Thương lượng, ký kết thỏa ước lao động tập thể", 10, "Bản thỏa ước"),
        ],
    ),
    (
        "4",
        "Đào tạo, bồi dưỡng cán bộ, nhất là chủ tịch CĐCS ngoài nhà nước",
        15,
        "",
        [
            ("4.1", "Tập huấn chủ tịch CĐCS khu vực ngoài nhà nước", 15, "Danh sách học viên"),
        ],
    ),
    (
        "5",
        "Giới thiệu đoàn viên ưu tú cho Đảng, xây dựng Đảng",
        15,
        "",
        [
            ("5.1", "Giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp", 15, "Nghị quyết"),
        ],
    ),
]
