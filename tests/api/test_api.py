"""The REST API: tokens, scope, read-only tokens, idempotency, problem+json, the same
admission as the page."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command
from django.test import Client

from congdoan.api.models import ApiToken
from congdoan.api.tokens import token_create, token_revoke
from congdoan.audit.models import AuditEntry
from congdoan.members.models import Membership, Person
from tests.members.registry import admit, citizen_id

PROBLEM = "application/problem+json"


def bearer(user, **options) -> Client:
    made = token_create(actor=user, user=user, name="test", **options)
    return Client(HTTP_AUTHORIZATION=f"Bearer {made.secret}")


def admission(unit: str = "G1", **extra) -> dict:
    return {
        "unit": unit,
        "full_name": "Trần Thị Mai",
        "birth_date": "1990-04-02",
        "gender": "F",
        "citizen_id": citizen_id("F", date(1990, 4, 2)),
        "joined_on": "2021-05-04",
        "decision_number": "15/QĐ-CĐCS",
        "decision_date": "2021-05-01",
        "decision_signer": "Chủ tịch CĐCS",
        **extra,
    }


def test_no_token_and_a_bad_token_answer_401_as_problems(world):
    for client in (Client(), Client(HTTP_AUTHORIZATION="Bearer cd_nonsense")):
        response = client.get("/api/v1/units/")
        assert response.status_code == 401
        assert response["Content-Type"] == PROBLEM
        body = response.json()
        assert set(body) >= {"type", "title", "status", "detail"} and body["status"] == 401


def test_a_revoked_or_expired_token_is_refused_and_use_is_recorded(world):
    made = token_create(actor=world.dana, user=world.dana, name="sync")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {made.secret}")
    assert client.get("/api/v1/units/").status_code == 200
    assert ApiToken.objects.get(pk=made.token.pk).last_used_at is not None
    token_revoke(actor=world.dana, token=made.token)
    assert client.get("/api/v1/units/").status_code == 401
    assert AuditEntry.objects.filter(action="api.token_revoke").count() == 1
    other = token_create(actor=world.dana, user=world.dana, name="old", expires_days=1)
    ApiToken.objects.filter(pk=other.token.pk).update(expires_on=date(2020, 1, 1))
    old = Client(HTTP_AUTHORIZATION=f"Bearer {other.secret}")
    assert old.get("/api/v1/units/").status_code == 401


def test_units_in_scope_only_and_outside_answers_as_missing(world):
    client = bearer(world.dana)
    codes = [u["code"] for u in client.get("/api/v1/units/").json()["results"]]
    assert codes == ["G1"]
    outside, missing = client.get("/api/v1/units/G4/"), client.get("/api/v1/units/NOPE/")
    assert outside.status_code == missing.status_code == 404
    assert outside.json() == missing.json()


def test_another_units_member_answers_like_a_nonexistent_one(world):
    foreign = admit(world.alice, world.g4).person
    client = bearer(world.dana)
    outside = client.get(f"/api/v1/members/{foreign.code}/")
    missing = client.get("/api/v1/members/DV999999/")
    assert outside.status_code == missing.status_code == 404
    assert outside.content == missing.content


def test_codes_come_with_the_words_the_pages_show(world):
    person = admit(world.dana, world.g1).person
    item = bearer(world.dana).get(f"/api/v1/members/{person.code}/").json()
    assert item["gender"] == person.gender
    assert item["gender_name"] == person.get_gender_display()
    assert (item["status"], item["status_name"]) == ("current", "Đang sinh hoạt")


def test_read_only_token_refuses_post_and_writes_nothing(world):
    client = bearer(world.dana, read_only=True)
    response = client.post("/api/v1/members/", admission(), content_type="application/json")
    assert response.status_code == 403 and response["Content-Type"] == PROBLEM
    assert not Person.objects.exists()


def test_unknown_fields_wrong_types_and_huge_pages_are_refused(world):
    client = bearer(world.dana)
    cases = [
        client.post("/api/v1/members/", {**admission(), "colour": "x"}, "application/json"),
        client.post("/api/v1/members/", [1, 2], content_type="application/json"),
        client.post("/api/v1/members/", admission(birth_date="3000-01-01"), "application/json"),
        client.get("/api/v1/units/?page_size=1000000"),
        client.get("/api/v1/units/?cursor=bm9uc2Vuc2U="),
    ]
    for response in cases:
        assert response.status_code == 400, response.content
        assert response["Content-Type"] == PROBLEM
        assert response.json()["detail"]
    assert not Person.objects.exists()


def test_a_cursor_from_another_query_is_refused(world):
    client = bearer(world.bob)
    first = client.get("/api/v1/units/?page_size=2").json()
    assert first["next"]
    from urllib.parse import parse_qs, urlsplit

    cursor = parse_qs(urlsplit(first["next"]).query)["cursor"][0]
    assert client.get("/api/v1/units/", {"page_size": 2, "cursor": cursor}).status_code == 200
    assert client.get("/api/v1/units/", {"type": "grassroots", "cursor": cursor}).status_code == 400


def test_the_same_idempotency_key_admits_once(world):
    client = bearer(world.dana)
    body = admission()
    first = client.post("/api/v1/members/", body, "application/json", HTTP_IDEMPOTENCY_KEY="k1")
    again = client.post("/api/v1/members/", body, "application/json", HTTP_IDEMPOTENCY_KEY="k1")
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json() and again["Idempotency-Replayed"] == "true"
    assert Person.objects.count() == 1
    other = client.post(
        "/api/v1/members/", admission(full_name="Lê Văn An"), "application/json",
        HTTP_IDEMPOTENCY_KEY="k1",
    )  # fmt: skip
    assert other.status_code == 422 and Person.objects.count() == 1


def _rows():
    person = Person.objects.get()
    membership = Membership.objects.get()
    fields = ("family_name", "middle_name", "given_name", "birth_date", "gender", "citizen_id")
    entries = list(AuditEntry.objects.filter(action="member.admit").values("action", "after"))
    return (
        {f: getattr(person, f) for f in fields},
        (membership.unit_id, membership.started_on, membership.entry_kind),
        membership.decision.number,
        [(e["action"], e["after"]) for e in entries],
    )


@pytest.mark.parametrize("way", ["api", "page"])
def test_an_api_admission_equals_a_page_admission(world, way, django_db_blocker):
    body = admission(citizen_id="001190000123")
    if way == "api":
        response = bearer(world.dana).post("/api/v1/members/", body, "application/json")
        assert response.status_code == 201, response.content
    else:
        page = Client()
        page.force_login(world.dana)
        form = {k: v for k, v in body.items() if k != "unit"}
        form["birth_date"], form["joined_on"], form["decision_date"] = (
            "02/04/1990", "04/05/2021", "01/05/2021",
        )  # fmt: skip
        assert page.post(f"/units/{world.g1.pk}/members/admit/", form).status_code == 302
    rows = _rows()
    assert rows[0]["citizen_id"] == "001190000123" and rows[1][2] == "admission"
    assert rows[3][0][1]["decision"].startswith("15/QĐ-CĐCS")


def test_the_command_prints_a_token_as_json(world, capsys):
    call_command("api", "token", "dana", "--name", "tỉnh", "--read-only", "--json")
    import json

    printed = json.loads(capsys.readouterr().out)
    assert printed["name"] == "tỉnh" and printed["token"].startswith("cd_")
    token = ApiToken.objects.get()
    assert token.read_only and token.key_hash != printed["token"]
    response = Client(HTTP_AUTHORIZATION=f"Bearer {printed['token']}").get("/api/v1/members/")
    assert response.status_code == 200


def test_the_schema_and_docs_are_served_with_bundled_files(world):
    client = Client()
    schema = client.get("/api/schema/?format=json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert "/api/v1/members/" in paths and "/api/v1/reports/{unit_code}/summary/" in paths
    docs = client.get("/api/docs/").content.decode()
    assert "swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()


def test_the_report_is_the_documented_json(world):
    from congdoan.reports.figures import build_report
    from congdoan.reports.summary import report_summary

    admit(world.dana, world.g1)
    client = bearer(world.bob)
    response = client.get("/api/v1/reports/HN/summary/?from=2020-01-01&to=2020-12-31")
    assert response.status_code == 200
    assert response.json() == report_summary(
        build_report(world.hn, date(2020, 1, 1), date(2020, 12, 31))
    )
    assert (
        client.get("/api/v1/reports/DN/summary/?from=2020-01-01&to=2020-12-31").status_code == 404
    )
