"""The facts the demo reproduces: named units, dates and decisions from the seed articles."""

from datetime import date

FOUNDED = date(1995, 1, 1)
REFORM_DECIDED = date(2025, 6, 27)
REFORM_EFFECTIVE = date(2025, 7, 1)  # the district tier ends on 30/6/2025
CITY_SIGNER = "Chủ tịch LĐLĐ thành phố Hà Nội"

# District federations: (code, kind of district, name, wards that take over its unions)
DISTRICTS = [
    ("HOAN-KIEM", "quận", "Hoàn Kiếm", ["Phường Hoàn Kiếm", "Phường Cửa Nam"]),
    ("BA-DINH", "quận", "Ba Đình", ["Phường Ba Đình", "Phường Ngọc Hà"]),
    ("DONG-DA", "quận", "Đống Đa", ["Phường Kim Liên", "Phường Văn Miếu - Quốc Tử Giám"]),
    ("LONG-BIEN", "quận", "Long Biên", ["Phường Long Biên", "Phường Bồ Đề"]),
    ("HAI-BA-TRUNG", "quận", "Hai Bà Trưng", ["Phường Hai Bà Trưng", "Phường Bạch Mai"]),
    ("HOANG-MAI", "quận", "Hoàng Mai", ["Phường Hoàng Mai", "Phường Định Công"]),
    ("CAU-GIAY", "quận", "Cầu Giấy", ["Phường Cầu Giấy", "Phường Nghĩa Đô"]),
    ("BAC-TU-LIEM", "quận", "Bắc Từ Liêm", ["Phường Phú Diễn", "Phường Đông Ngạc"]),
    ("THANH-TRI", "huyện", "Thanh Trì", ["Xã Thanh Trì", "Xã Ngọc Hồi"]),
    ("THANH-OAI", "huyện", "Thanh Oai", ["Xã Thanh Oai"]),
    ("MY-DUC", "huyện", "Mỹ Đức", ["Xã Mỹ Đức", "Xã Hương Sơn"]),
    ("GIA-LAM", "huyện", "Gia Lâm", ["Xã Gia Lâm", "Xã Bát Tràng"]),
    ("DONG-ANH", "huyện", "Đông Anh", ["Xã Đông Anh", "Xã Thiên Lộc"]),
    ("PHUC-THO", "huyện", "Phúc Thọ", ["Xã Phúc Thọ"]),
    ("UNG-HOA", "huyện", "Ứng Hòa", ["Xã Ứng Hòa"]),
    ("THUONG-TIN", "huyện", "Thường Tín", ["Xã Thường Tín"]),
    ("SON-TAY", "thị xã", "Sơn Tây", ["Phường Sơn Tây"]),
]

SECTOR_UNIONS = [
    ("CD-CONG-THUONG", "Công đoàn ngành Công Thương Hà Nội", "CĐ ngành Công Thương"),
    ("CD-XAY-DUNG", "Công đoàn ngành Xây dựng Hà Nội", "CĐ ngành Xây dựng"),
    ("CD-GIAO-DUC", "Công đoàn ngành Giáo dục Hà Nội", "CĐ ngành Giáo dục"),
    ("CD-Y-TE", "Công đoàn ngành Y tế Hà Nội", "CĐ ngành Y tế"),
    ("CD-GTVT", "Công đoàn ngành Giao thông vận tải Hà Nội", "CĐ ngành GTVT"),
]

# Named grassroots unions: (code, name, sector, parent code, established)
NAMED_GRASSROOTS = [
    (
        "CDCS-ASTI",
        "Công đoàn Công ty TNHH Điện tử ASTI Hà Nội",
        "non-state",
        "LDLD-HN",
        date(2005, 3, 15),
    ),
    (
        "CDCS-CHEE-WAH",
        "Công đoàn Công ty TNHH đồ chơi Chee Wah Việt Nam",
        "fdi",
        "LDLD-HN",
        date(2008, 6, 1),
    ),
    ("CDCS-CHUA-HUONG", "Công đoàn Nhà nghỉ Chùa Hương", "public", "LDLD-MY-DUC", date(2001, 4, 2)),
    (
        "CDCS-TAM-ANH",
        "Công đoàn Bệnh viện Đa khoa Tâm Anh",
        "non-state",
        "CD-Y-TE",
        date(2016, 10, 20),
    ),
    (
        "CDCS-MINH-QUANG",
        "Công đoàn Công ty TNHH Thương mại và Công nghiệp Minh Quang",
        "non-state",
        "LDLD-DONG-ANH",
        date(2012, 9, 5),
    ),
]

KIM_LIEN_TAKES = 97  # decision 1940/QĐ-LĐLĐ: 97 grassroots unions...
KIM_LIEN_MEMBERS = 5_135  # ...and 5,135 members on 1/7/2025
MY_DUC_NEW_IN_2020 = 15  # seed 002: 15 new grassroots unions in 2020 up to 30/9
MY_DUC_WINDOW = (date(2020, 1, 1), date(2020, 9, 30))
MY_DUC_ADMITTED = 554  # seed 002: new members in the same window
THANH_TRI_TERM = ("2018–2023", date(2018, 7, 1), date(2023, 6, 30))
THANH_TRI_REFERRED = 1_234  # seed 003: outstanding members introduced to the Party in the term
