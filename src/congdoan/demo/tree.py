"""The organisation of the demo: the tree before 2025, then the reform of 1/7/2025."""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import count

from congdoan.core.text import fold
from congdoan.demo import facts
from congdoan.demo.scale import DEFAULT, Scale
from congdoan.org.addresses import ward_choices
from congdoan.org.models import Sector, Unit, UnitType, UnitVersion
from congdoan.org.services import DecisionInput, unit_end, unit_establish, unit_move

HANOI = 1  # province code of Hà Nội after the 2025 reform

COMPANY_WORDS = [
    "Phú",
    "Thịnh",
    "An",
    "Hưng",
    "Minh",
    "Đại",
    "Tân",
    "Việt",
    "Hoàng",
    "Thành",
    "Phát",
    "Long",
    "Khang",
    "Tiến",
    "Quang",
    "Đức",
    "Sao",
    "Hồng",
    "Bảo",
    "Gia",
    "Hòa",
    "Kim",
    "Lộc",
    "Nam",
    "Ngọc",
    "Phúc",
    "Sơn",
    "Trung",
    "Vạn",
    "Vĩnh",
]
BUSINESS_WORDS = ["", "Thương mại", "Sản xuất", "Xây dựng", "Dịch vụ", "Đầu tư", "Công nghệ"]
FOREIGN_NAMES = [
    "Sun Rise",
    "Kyoto Tech",
    "Han Sung",
    "Everlight",
    "Blue Ocean",
    "Nam Won",
    "Tokai Parts",
    "Green Field",
    "Daewon",
    "Fuji Seiko",
    "Shin Heung",
    "Taiyo",
    "Wonderful",
    "Hanwa",
    "Meiko",
    "Canon Parts",
]
PUBLIC_NAMES = [
    "Trường Tiểu học",
    "Trường THCS",
    "Trường Mầm non",
    "Trạm Y tế",
    "Ủy ban nhân dân",
    "Trung tâm Văn hóa",
]


class DecisionBook:
    """Numbers decisions in sequence per year, as the federation's office does."""

    def __init__(self) -> None:
        self._numbers: dict[int, count] = {}

    def issue(self, signed_on: date, *, number: int | None = None, reason: str = ""):
        sequence = self._numbers.setdefault(signed_on.year, count(100))
        return DecisionInput(
            number=f"{number or next(sequence)}/QĐ-LĐLĐ",
            signed_on=signed_on,
            signer=facts.CITY_SIGNER,
            reason=reason,
        )


class TreeBuilder:
    def __init__(self, actor, rng: random.Random, scale: Scale = DEFAULT) -> None:
        self.actor = actor
        self.rng = rng
        self.scale = scale
        self.book = DecisionBook()
        self.types = {t.code: t for t in UnitType.objects.all()}
        self.sectors = {s.code: s for s in Sector.objects.all()}
        self._names: set[str] = set()

    def establish(
        self,
        code: str,
        name: str,
        type_code: str,
        parent_code: str | None,
        on: date,
        *,
        short_name: str = "",
        sector: str | None = None,
        ward: int | None = None,
        decision: DecisionInput | None = None,
    ) -> Unit:
        parent = Unit.objects.get(code=parent_code) if parent_code else None
        unit_establish(
            actor=self.actor,
            code=code,
            name=name,
            short_name=short_name,
            unit_type=self.types[type_code],
            parent=parent,
            sector=self.sectors.get(sector or ""),
            province_code=HANOI if parent else None,
            ward_code=ward,
            effective=on,
            decision=decision or self.book.issue(on - timedelta(days=3)),
        )
        return Unit.objects.get(code=code)

    def build(self) -> None:
        self.establish(
            "TLD",
            "Tổng Liên đoàn Lao động Việt Nam",
            "confederation",
            None,
            date(1929, 7, 28),
            short_name="Tổng LĐLĐ Việt Nam",
        )
        self.establish(
            "LDLD-HN",
            "Liên đoàn Lao động thành phố Hà Nội",
            "federation",
            "TLD",
            date(1946, 1, 1),
            short_name="LĐLĐ thành phố Hà Nội",
            sector="public",
        )
        for code, kind, name, _wards in facts.DISTRICTS:
            self.establish(
                f"LDLD-{code}",
                f"Liên đoàn Lao động {kind} {name}",
                "district",
                "LDLD-HN",
                facts.FOUNDED,
                short_name=f"LĐLĐ {kind} {name}",
                sector="public",
            )
        for code, name, short in facts.SECTOR_UNIONS:
            self.establish(
                code,
                name,
                "sector-union",
                "LDLD-HN",
                facts.FOUNDED,
                short_name=short,
                sector="public",
            )
        for code, name, sector, parent, on in facts.NAMED_GRASSROOTS:
            self.establish(code, name, "grassroots", parent, on, sector=sector)
        self._synthetic_grassroots()

    def _synthetic_grassroots(self) -> None:
        for code, _kind, _name, _wards in facts.DISTRICTS:
            for i in range(1, self._district_size(code) + 1):
                self._grassroots(f"CDCS-{code}-{i:03d}", f"LDLD-{code}", self._old_date())
        for i in range(1, facts.MY_DUC_NEW_IN_2020 + 1):
            on = date(2020, 1, 6) + timedelta(days=self.rng.randint(0, 260))
            self._grassroots(f"CDCS-MY-DUC-2020-{i:02d}", "LDLD-MY-DUC", on)
        for code, _name, _short in facts.SECTOR_UNIONS:
            for i in range(1, self.scale.grassroots_per_sector_union + 1):
                self._grassroots(
                    f"CDCS-{code.removeprefix('CD-')}-{i:03d}",
                    code,
                    self._old_date(),
                    sector="public",
                )

    def _district_size(self, code: str) -> int:
        sizes = {
            "DONG-DA": self.scale.grassroots_in_dong_da,
            "THANH-TRI": self.scale.grassroots_in_thanh_tri,
        }
        return sizes.get(code, self.scale.grassroots_per_district)

    def _old_date(self) -> date:
        return date(1998, 1, 1) + timedelta(days=self.rng.randint(0, 21 * 365))

    def _grassroots(self, code: str, parent: str, on: date, sector: str | None = None) -> None:
        sector = sector or self.rng.choice(
            ["non-state", "non-state", "fdi", "public", "state-enterprise", "cooperative"]
        )
        self.establish(code, self._unique_name(sector), "grassroots", parent, on, sector=sector)

    def _unique_name(self, sector: str) -> str:
        name = self._name_for(sector)
        for _ in range(30):
            if name not in self._names:
                break
            name = self._name_for(sector)
        # At city scale the word lists run out; real registries number look-alikes the same way.
        number = 2
        unique = name
        while unique in self._names:
            unique = f"{name} số {number}"
            number += 1
        self._names.add(unique)
        return unique

    def _name_for(self, sector: str) -> str:
        pick = self.rng.choice
        if sector == "fdi":
            return (
                f"Công đoàn Công ty TNHH {pick(FOREIGN_NAMES)} Việt Nam {self.rng.randint(1, 99)}"
            )
        if sector == "public":
            return f"Công đoàn {pick(PUBLIC_NAMES)} {pick(COMPANY_WORDS)} {pick(COMPANY_WORDS)}"
        if sector == "cooperative":
            return f"Công đoàn Hợp tác xã {pick(COMPANY_WORDS)} {pick(COMPANY_WORDS)}"
        kind = "TNHH MTV" if sector == "state-enterprise" else pick(["TNHH", "Cổ phần"])
        business = pick(BUSINESS_WORDS)
        words = f"{pick(COMPANY_WORDS)} {pick(COMPANY_WORDS)}"
        return " ".join(part for part in ("Công đoàn Công ty", kind, business, words) if part)


class Reform2025:
    """30/6/2025: the district federations end; ward and commune unions take their unions."""

    def __init__(self, builder: TreeBuilder) -> None:
        self.builder = builder
        self.wards = self._ward_codes()

    @staticmethod
    def _ward_codes() -> dict[str, int]:
        return {name: code for code, name in ward_choices(HANOI)}

    def apply(self) -> None:
        number = count(1941)
        for code, _kind, _name, ward_names in facts.DISTRICTS:
            district = Unit.objects.get(code=f"LDLD-{code}")
            grassroots = self._children_codes(district)
            shares = self._shares(code, len(grassroots), len(ward_names))
            start = 0
            for ward_name, share in zip(ward_names, shares, strict=True):
                decision = 1940 if ward_name == "Phường Kim Liên" else next(number)
                ward_unit = self._ward_union(ward_name, decision)
                for child_code in grassroots[start : start + share]:
                    unit_move(
                        actor=self.builder.actor,
                        unit=Unit.objects.get(code=child_code),
                        new_parent=ward_unit,
                        effective=facts.REFORM_EFFECTIVE,
                        decision=self._decision(decision),
                    )
                start += share
            unit_end(
                actor=self.builder.actor,
                unit=district,
                effective=facts.REFORM_EFFECTIVE,
                decision=self._decision(1900, "Kết thúc hoạt động cấp huyện"),
            )

    def _decision(self, number: int, reason: str = "Sắp xếp tổ chức công đoàn hai cấp"):
        return self.builder.book.issue(facts.REFORM_DECIDED, number=number, reason=reason)

    @staticmethod
    def _children_codes(district: Unit) -> list[str]:
        return sorted(
            UnitVersion.objects.open().filter(parent=district).values_list("unit__code", flat=True)
        )

    @staticmethod
    def _shares(district_code: str, total: int, wards: int) -> list[int]:
        if district_code == "DONG-DA":
            return [facts.KIM_LIEN_TAKES, total - facts.KIM_LIEN_TAKES]
        first = total // wards + total % wards
        return [first] + [total // wards] * (wards - 1)

    def _ward_union(self, ward_name: str, decision: int) -> Unit:
        code = "CD-" + fold(ward_name).upper().replace(" ", "-").replace("---", "-")
        name = ward_name.replace("Phường", "phường").replace("Xã", "xã")
        return self.builder.establish(
            code,
            f"Công đoàn {name}",
            "ward",
            "LDLD-HN",
            facts.REFORM_EFFECTIVE,
            short_name=f"CĐ {name}",
            sector="public",
            ward=self.wards.get(ward_name),
            decision=self._decision(decision),
        )
