"""The transfer requests' URLs for the URL walk: a request from G2 to G1 (inside every scope;
G1's keepers answer it, dana among them) and one between two Đà Nẵng unions, G4 to G5 (outside
every scope but the administrator's: 404, as a request that does not exist). The request form
is walked on a member of G1 and one of G4; the receiver search is for registry keepers."""

from datetime import date

from congdoan.members.transfers import transfer_request
from tests.factories import make_unit
from tests.members.registry import admit, person
from tests.scope_walk import MEMBER_KEEPERS, Target


def _asked(world, source, to_unit, name: str):
    member = admit(world.alice, source, person(name, birth=date(1987, 4, 5))).person
    return transfer_request(actor=world.alice, person=member, to_unit=to_unit)


def targets(world) -> dict[str, list[Target]]:
    g5 = make_unit("G5", "Công đoàn Trường Đại học Bách khoa Đà Nẵng", "grassroots", world.dn)
    own, other = (
        _asked(world, world.g2, world.g1, "Hà Văn Đến"),
        _asked(world, world.g4, g5, "Hồ Văn Xa"),
    )
    here = admit(world.alice, world.g1, person("Mai Văn Đi", birth=date(1986, 3, 4))).person
    there = admit(world.alice, world.g4, person("Mai Văn Xa", birth=date(1986, 3, 4))).person
    answer = {"allowed": MEMBER_KEEPERS, "methods": ("get", "post")}
    request, foreign = {"pk": own.pk}, {"pk": other.pk}
    units = {"pk": world.g1.pk}, {"pk": world.g4.pk}
    return {
        "members:transfer_request": [Target({"pk": here.pk}, {"pk": there.pk}, **answer)],
        "members:transfer_receivers": [Target(query="?q=cong+doan", allowed=MEMBER_KEEPERS)],
        "members:transfer_detail": [Target(request, foreign)],
        "members:transfer_accept": [Target(request, foreign, **answer)],
        "members:transfer_refuse": [Target(request, foreign, **answer)],
        "members:transfer_cancel": [Target(request, foreign, **answer)],
        "members:transfers_in": [Target(*units)],
        "members:transfers_out": [Target(*units)],
    }
