"""imports/: a list uploaded into a unit through the import pipeline, its state and counts, the
commit, the workbook of the rows that did not go in; refusals with nothing kept."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from congdoan.imports.models import ImportJob
from congdoan.members.models import Person
from tests.api.test_api import PROBLEM, bearer
from tests.imports.workbooks import member_workbook


def _upload(client, unit="G1", data=None, **extra):
    body = {"unit": unit, "file": SimpleUploadedFile("ds.xlsx", data or member_workbook())}
    return client.post("/api/v1/imports/", {**body, **extra})


def test_upload_check_commit_and_the_error_workbook(world):
    client = bearer(world.dana)
    response = _upload(client, joined_on="2020-03-02")
    assert response.status_code == 202, response.content
    job = response.json()
    assert job["status"] == "previewed" and job["counts"]["new"] == 4
    assert Person.objects.count() == 0
    assert client.get(f"/api/v1/imports/{job['id']}/").json()["status"] == "previewed"
    committed = client.post(f"/api/v1/imports/{job['id']}/commit/", content_type="application/json")
    assert committed.status_code == 202 and committed.json()["status"] == "done"
    assert Person.objects.count() == 4
    again = client.post(f"/api/v1/imports/{job['id']}/commit/", content_type="application/json")
    assert again.status_code == 400 and Person.objects.count() == 4
    url = client.get(f"/api/v1/imports/{job['id']}/").json()["errors_url"]
    workbook = client.get(url)
    assert workbook.status_code == 200
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    reasons = [row[-1].value for row in sheet.iter_rows() if row[1].value == "Hoàng Văn Bình"]
    assert reasons and "không có trên lịch" in reasons[0]
    assert [j["id"] for j in client.get("/api/v1/imports/").json()["results"]] == [job["id"]]


def test_bad_files_and_units_outside_are_refused_with_nothing_kept(world):
    client = bearer(world.dana)
    cases = [
        _upload(client, data=b"PK\x03\x04 not a workbook"),
        _upload(client, unit="G4"),
        _upload(client, unit="NOPE"),
        _upload(client, kind="cats"),
        _upload(client, colour="red"),
        client.post("/api/v1/imports/", {"unit": "G1"}, "application/json"),
    ]
    for response in cases:
        assert response.status_code == 400, response.content
        assert response["Content-Type"] == PROBLEM and response.json()["detail"]
    assert cases[1].json()["errors"] == {
        "unit": [e.replace("NOPE", "G4") for e in cases[2].json()["errors"]["unit"]]
    }
    assert not ImportJob.objects.exists()
    assert _upload(bearer(world.frank), unit="G1").status_code == 403
    assert _upload(bearer(world.dana, read_only=True)).status_code == 403
    assert not ImportJob.objects.exists()


def test_another_scopes_job_answers_as_a_missing_one(world):
    response = _upload(bearer(world.alice), unit="G4")
    job = response.json()["id"]
    client = bearer(world.dana)
    for path in ("", "errors.xlsx"):
        outside = client.get(f"/api/v1/imports/{job}/{path}")
        missing = client.get(f"/api/v1/imports/999999/{path}")
        assert outside.status_code == missing.status_code == 404
        assert outside.content == missing.content
    commit = client.post(f"/api/v1/imports/{job}/commit/", content_type="application/json")
    assert commit.status_code == 404
    assert ImportJob.objects.get().status == "previewed"
