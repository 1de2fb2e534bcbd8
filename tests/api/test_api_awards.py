"""awards/campaigns/, awards/nominations/ (read, and nominate as the page does) and the public
certificates/{token}/ check."""

from __future__ import annotations

from django.test import Client

from congdoan.audit.models import AuditEntry
from congdoan.awards.models import Nomination
from tests.api.test_api import PROBLEM, bearer
from tests.awards.helpers import official
from tests.awards.url_targets import _decided, _side
from tests.awards.url_targets import titles as load_titles


def _two_sides(world):
    load_titles()
    inside = _side(world, world.hn, world.g1, [(world.erin, True)])
    outside = _side(world, world.dn, world.g4, [])
    return inside, outside


def test_campaigns_in_scope_only_outside_answers_as_missing(world):
    (campaign, _n, _p), (foreign, _fn, _fp) = _two_sides(world)
    client = bearer(world.dana)
    listed = client.get("/api/v1/awards/campaigns/").json()["results"]
    assert [c["id"] for c in listed] == [campaign.pk]
    assert listed[0]["organiser"] == "HN" and listed[0]["organiser_name"]
    detail = client.get(f"/api/v1/awards/campaigns/{campaign.pk}/").json()
    assert detail["allocations"] == [
        {"unit": "G1", "unit_name": world.g1.latest_name, "quota": 3, "used": 1}
    ]
    outside = client.get(f"/api/v1/awards/campaigns/{foreign.pk}/")
    missing = client.get("/api/v1/awards/campaigns/999999/")
    assert outside.status_code == missing.status_code == 404
    assert outside.content == missing.content
    assert client.get("/api/v1/awards/campaigns/?year=2020&organiser=DN").status_code == 400


def test_nominations_read_as_the_campaign_page_scopes_them(world):
    (campaign, nomination, person), (_f, foreign, _fp) = _two_sides(world)
    client = bearer(world.dana)
    rows = client.get(f"/api/v1/awards/nominations/?campaign={campaign.pk}").json()["results"]
    assert [r["id"] for r in rows] == [nomination.pk]
    assert rows[0]["nominee"] == {"kind": "person", "code": person.code, "name": person.full_name}
    detail = client.get(f"/api/v1/awards/nominations/{nomination.pk}/").json()
    assert detail["checks"][0]["passed"] is True and detail["events"][0]["action"] == "submit"
    assert client.get(f"/api/v1/awards/nominations/{foreign.pk}/").status_code == 404


def test_nominating_through_the_api_is_the_pages_service(world):
    (campaign, _n, _p), (_f, _fn, foreign_person) = _two_sides(world)
    person = official(world.g1, given="Mới")
    client = bearer(world.dana)
    body = {
        "campaign": campaign.pk,
        "from_unit": "G1",
        "member": person.code,
        "achievement": "Vận động 12 công nhân vào Đảng",
    }
    made = client.post("/api/v1/awards/nominations/", body, "application/json")
    assert made.status_code == 201, made.content
    assert made.json()["nominee"]["code"] == person.code and made.json()["status"] == "submitted"
    assert AuditEntry.objects.filter(action="awards.submit").count() == 3  # two by the fixture
    again = client.post("/api/v1/awards/nominations/", body, "application/json")
    assert again.status_code == 400 and again["Content-Type"] == PROBLEM
    assert "đã được đề nghị" in again.json()["detail"]


def test_a_nomination_naming_what_lies_outside_writes_nothing(world):
    (campaign, _n, _p), (foreign_campaign, _fn, foreign_person) = _two_sides(world)
    client = bearer(world.dana)
    before = Nomination.objects.count()
    base = {"campaign": campaign.pk, "from_unit": "G1", "achievement": "Thành tích"}
    cases = [
        {**base, "member": foreign_person.code},
        {**base, "member": "DV999999"},
        {**base, "from_unit": "G4", "member": foreign_person.code},
        {**base, "campaign": foreign_campaign.pk, "member": foreign_person.code},
        {**base, "unit": "G4"},
        {**base, "member": "x", "statements": {"999": "y"}},
        {**base, "member": "x", "colour": "red"},
    ]
    for body in cases:
        response = client.post("/api/v1/awards/nominations/", body, "application/json")
        assert response.status_code == 400, (body, response.content)
        assert response["Content-Type"] == PROBLEM and "Cảng" not in response.content.decode()
    outside = client.post("/api/v1/awards/nominations/", cases[0], "application/json").json()
    missing = client.post("/api/v1/awards/nominations/", cases[1], "application/json").json()
    assert outside["errors"].keys() == missing["errors"].keys()
    assert Nomination.objects.count() == before
    read_only = bearer(world.dana, read_only=True)
    response = read_only.post("/api/v1/awards/nominations/", base, "application/json")
    assert response.status_code == 403 and Nomination.objects.count() == before


def test_the_certificate_check_is_public_and_says_what_the_verify_page_says(world):
    (campaign, _n, _p), _outside = _two_sides(world)
    _made, award, _objection = _decided(world, campaign, world.g1, "7/QĐ-LĐLĐ")
    for client in (Client(), Client(HTTP_AUTHORIZATION="Bearer cd_nonsense")):
        body = client.get(f"/api/v1/certificates/{award.token}/").json()
        assert body == {
            "status": "valid",
            "name": award.person.full_name,
            "title": campaign.title.name,
            "year": 2020,
            "decision": {"number": "7/QĐ-LĐLĐ", "signed_on": "2020-03-02"},
            "revocation": None,
        }
    page = Client().get(f"/verify/{award.token}/").content.decode()
    assert award.person.full_name in page and "7/QĐ-LĐLĐ" in page
    for token in ("not-a-uuid", "00000000-0000-0000-0000-000000000000"):
        response = Client().get(f"/api/v1/certificates/{token}/")
        assert response.status_code == 404 and response["Content-Type"] == PROBLEM
