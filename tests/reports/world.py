"""A small register on the test world, counted by hand in the tests.

2020:  G1 (ASTI, under DD): An (Party member) admitted 2/3/2020, Bình (woman) 5/6/2020;
       G2 (under DD): Chi (woman) admitted 10/1/2021 (not in 2020);
       G3 (under TT): Dũng admitted 1/8/2019.
       Activities: G1 dialogue 12/6/2020 (50 people), G1 care 20/1/2020 (30 people,
       15.000.000 đ), G2 care 1/2/2020 (10 people, 5.000.000 đ), DD itself training
       3/4/2020 (300 trainees), G3 initiative 9/9/2020 (80.000.000 đ), G4 (Đà Nẵng) dialogue.
2025:  G1 initiative 3/3/2025 (under DD); on 1/7/2025 DD merges into KL (G1, G2 move);
       G1 initiative 4/8/2025 (under KL).
"""

from datetime import date

from congdoan.members.models import Gender
from congdoan.org.services import units_merge
from tests.activities.helpers import record
from tests.factories import decision
from tests.members.registry import admit, person


def build_register(world) -> None:
    a = world.alice
    admit(a, world.g1, person("Nguyễn Văn An", party_joined_on=date(2015, 1, 1)), date(2020, 3, 2))
    admit(a, world.g1, person("Trần Thị Bình", Gender.FEMALE, date(1990, 1, 1)), date(2020, 6, 5))
    admit(a, world.g2, person("Lê Thị Chi", Gender.FEMALE, date(1992, 1, 1)), date(2021, 1, 10))
    admit(a, world.g3, person("Phạm Văn Dũng", birth=date(1988, 1, 1)), date(2019, 8, 1))
    record(a, world.g1, "dialogue", date(2020, 6, 12), people=50)
    record(a, world.g1, "care", date(2020, 1, 20), people=30, money=15_000_000)
    record(a, world.g2, "care", date(2020, 2, 1), people=10, money=5_000_000)
    record(a, world.dd, "training", date(2020, 4, 3), people=300)
    record(a, world.g3, "initiative", date(2020, 9, 9), money=80_000_000)
    record(a, world.g4, "dialogue", date(2020, 6, 12), people=999)
    record(a, world.g1, "initiative", date(2025, 3, 3), money=1_000_000)


def merge_district(world) -> None:
    units_merge(
        actor=world.alice,
        sources=[world.dd],
        target=world.kl,
        effective=date(2025, 7, 1),
        decision=decision(),
    )
    record(world.alice, world.g1, "initiative", date(2025, 8, 4), money=2_000_000)
